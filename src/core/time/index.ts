export { parseDuration, formatDuration } from './duration.js';
export { parseRfc3339, parseLocalDateTime, formatUtc, daysInMonth, type LocalDateTime } from './rfc3339.js';
export { isValidTimeZone, zonedParts, zoneOffsetMinutes, zonedToEpoch, type ZonedParts } from './zone.js';
export { formatZoned } from './formatZoned.js';
