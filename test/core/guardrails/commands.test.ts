import { describe, expect, it } from 'vitest';
import {
  commandParts,
  compileGlob,
  decideGuardrails,
  type RuleOutcome,
} from '../../../src/core/guardrails/index.js';
import type { Guardrail } from '../../../src/core/index.js';
import { guardInput, policyFile } from './fixtures.js';

describe('compileGlob', () => {
  it.each([
    ['terraform destroy*', 'terraform destroy', true],
    ['terraform destroy*', 'terraform destroy -auto-approve', true],
    ['terraform destroy*', 'terraform destroy -target=module.a/b', true],
    ['terraform destroy*', 'terraform   destroy\t-auto-approve', false], // commands are normalised by commandParts
    ['  terraform\t destroy*', 'terraform destroy -x', true],
    ['terraform destroy', 'terraform destroy -auto-approve', false],
    ['*delete namespace*', 'kubectl --context prod delete namespace web', true],
    ['**', 'a/b c', true],
    ['kubectl delete ns ?', 'kubectl delete ns a', true],
    ['kubectl delete ns ?', 'kubectl delete ns ab', false],
    ['rm -rf [/~]*', 'rm -rf /var', true],
    ['rm -rf [/~]*', 'rm -rf ./x', false],
    ['rm -rf [!.]*', 'rm -rf /x', true],
    ['rm -rf [!.]*', 'rm -rf .x', false],
    ['rm -rf [^.]*', 'rm -rf .x', false],
    ['x []]', 'x ]', true],
    ['x [a\\-z]', 'x -', true],
    ['x [a\\-z]', 'x b', false],
    ['x [\\]^[]', 'x ^', true],
    ['x [a', 'x [a', true],
    ['x [z-a]', 'x [z-a]', true],
    ['x [z-a]', 'x b', false],
    ['kubectl {delete,drain} *', 'kubectl drain node-1', true],
    ['kubectl {delete,drain} *', 'kubectl get pods', false],
    ['a {b,{c,d}}', 'a d', true],
    ['a {b,c\\}', 'a {b,c}', true],
    ['rm -rf ${HOME}*', 'rm -rf ${HOME}/x', true],
    ['echo {}', 'echo {}', true],
    ['a {b', 'a {b', true],
    ['make \\*', 'make *', true],
    ['make \\*', 'make all', false],
    ['make (all)|x.y+', 'make (all)|x.y+', true],
    ['make (all)|x.y+', 'make all', false],
    ['trailing \\', 'trailing \\', true],
  ])('%j matches %j: %s', (pattern, command, expected) => {
    expect(compileGlob(pattern).test(command)).toBe(expected);
  });
});

describe('commandParts', () => {
  it.each([
    ['  terraform \t apply\n -auto-approve  ', ['terraform apply', '-auto-approve']],
    ['echo ok && terraform destroy', ['echo ok', 'terraform destroy']],
    ['a || b; c | d |& e & f', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['terraform plan 2>&1 | tee log &>/dev/null', ['terraform plan 2>&1', 'tee log &>/dev/null']],
    ['echo "at $(date)" `whoami` (cd x)', ['echo "at', 'date', 'whoami', 'cd x']],
    ['a\r\nb', ['a', 'b']],
    ['terraform \\\n  destroy \\\r\n -auto-approve\nls', ['terraform destroy -auto-approve', 'ls']],
    [';;  ;', []],
  ])('%j splits into %j', (command, segments) => {
    expect(commandParts(command).segments).toEqual(segments);
  });

  it('tries deny patterns on the whole, each part and each unwrapped part', () => {
    expect(commandParts('TF_LOG=1 sudo -E env A=b terraform destroy; ls').candidates).toEqual([
      'TF_LOG=1 sudo -E env A=b terraform destroy; ls',
      'TF_LOG=1 sudo -E env A=b terraform destroy',
      'ls',
      'terraform destroy',
    ]);
    expect(commandParts('-x terraform').candidates).toEqual(['-x terraform']);
    expect(commandParts('sudo').candidates).toEqual(['sudo']);
  });
});

const commandRows = (guardrail: Guardrail, commands: string[] | undefined): RuleOutcome[] => {
  const policy = policyFile(
    { production: guardrail },
    {
      lines: {
        'guardrails.production': 20,
        'guardrails.production.deny_commands.1': 22,
        'guardrails.production.allow_commands': 23,
      },
    },
  );
  const input = guardInput({ policy, ...(commands ? { commands } : {}) });
  return decideGuardrails(input).rules.filter((r) => r.rule === 'commands');
};

describe('commands rule', () => {
  const deny: Guardrail = { deny_commands: ['kubectl delete namespace*', 'terraform destroy*'] };
  const allow: Guardrail = { allow_commands: ['terraform plan*', 'terraform apply*', 'echo *'] };

  it.each([
    { name: 'plain allowed command', g: deny, commands: ['terraform apply'], codes: ['commands_allowed'] },
    { name: 'denied', g: deny, commands: ['terraform destroy'], codes: ['command_denied'] },
    {
      name: 'denied with odd whitespace',
      g: deny,
      commands: ['  terraform \t\n destroy   -auto-approve '],
      codes: ['command_denied'],
    },
    {
      name: 'denied with a slash',
      g: deny,
      commands: ['terraform destroy -target=module.a/b'],
      codes: ['command_denied'],
    },
    {
      name: 'denied behind &&',
      g: deny,
      commands: ['echo ok && terraform destroy'],
      codes: ['command_denied'],
    },
    {
      name: 'denied on the next line',
      g: deny,
      commands: ['make build\nterraform destroy -auto-approve'],
      codes: ['command_denied'],
    },
    {
      name: 'denied across a line continuation',
      g: deny,
      commands: ['terraform \\\n  destroy -auto-approve'],
      codes: ['command_denied'],
    },
    {
      name: 'denied inside $( )',
      g: deny,
      commands: ['echo $(terraform destroy)'],
      codes: ['command_denied'],
    },
    {
      name: 'denied behind sudo and env',
      g: deny,
      commands: ['sudo TF_LOG=debug terraform destroy'],
      codes: ['command_denied'],
    },
    {
      name: 'one row per offending command',
      g: deny,
      commands: ['terraform destroy', 'ls', 'kubectl delete namespace web'],
      codes: ['command_denied', 'command_denied'],
    },
    {
      name: 'allowed by the allow list',
      g: allow,
      commands: ['terraform plan -out p', 'terraform apply p'],
      codes: ['commands_allowed'],
    },
    { name: 'not on the allow list', g: allow, commands: ['rm -rf /'], codes: ['command_not_allowed'] },
    {
      name: 'allow list sees through chaining',
      g: allow,
      commands: ['terraform plan && terraform destroy'],
      codes: ['command_not_allowed'],
    },
    {
      name: 'allow list checks every part',
      g: allow,
      commands: ['echo a; terraform plan'],
      codes: ['commands_allowed'],
    },
    {
      name: 'deny wins over allow',
      g: { ...deny, ...allow },
      commands: ['terraform destroy'],
      codes: ['command_denied'],
    },
    { name: 'no commands declared', g: deny, commands: undefined, codes: ['no_commands'] },
    { name: 'only blank commands', g: allow, commands: ['  ', '\n'], codes: ['no_commands'] },
    { name: 'no command rules', g: {}, commands: ['terraform destroy'], codes: [] },
  ])('$name', ({ g, commands, codes }) => {
    expect(commandRows(g, commands).map((r) => r.code)).toEqual(codes);
  });

  it('names the command, the part and the pattern, and points at the pattern', () => {
    const [row] = commandRows(deny, ['echo ok   &&  terraform destroy -auto-approve']);
    expect(row).toMatchObject({ outcome: 'fail', file: 'access.yml', line: 22 });
    expect(row?.message).toBe(
      'command `echo ok && terraform destroy -auto-approve`, which runs `terraform destroy -auto-approve`, matches deny_commands pattern `terraform destroy*`: remove it from the job, or change guardrails.production.deny_commands in access.yml',
    );
  });

  it('says which part the allow list does not cover', () => {
    const [single] = commandRows(allow, ['rm -rf /']);
    expect(single?.message).toMatch(/^command `rm -rf \/` matches no allow_commands pattern/);
    expect(single?.line).toBe(23);
    const [chained] = commandRows(allow, ['terraform plan && terraform destroy']);
    expect(chained?.message).toMatch(
      /^command `terraform destroy` \(in `terraform plan && terraform destroy`\)/,
    );
  });

  it('reports sensitive commands and raises the sensitive alert when allowed', () => {
    const policy = policyFile({
      production: {
        sensitive_commands: ['kubectl rollout restart*'],
        alert: { webhook_env: 'HOOK', on: ['sensitive', 'blocked'] },
      },
    });
    const commands = ['kubectl   rollout restart deploy/api', 'ls'];
    const decision = decideGuardrails(guardInput({ policy, commands }));
    expect(decision.alerts).toEqual(['sensitive']);
    expect(decision.rules.find((r) => r.rule === 'commands')?.message).toBe(
      '2 command(s) pass the command rules; sensitive: `kubectl rollout restart deploy/api`',
    );
  });

  it('raises no sensitive alert when the deploy is blocked', () => {
    const policy = policyFile({
      production: {
        deny_commands: ['terraform destroy*'],
        sensitive_commands: ['kubectl rollout restart*'],
        alert: { webhook_env: 'HOOK', on: ['sensitive', 'blocked'] },
      },
    });
    const commands = ['kubectl rollout restart deploy/api', 'terraform destroy'];
    expect(decideGuardrails(guardInput({ policy, commands })).alerts).toEqual(['blocked']);
  });
});
