import { describe, expect, it } from 'vitest';
import { commandForms } from '../../../src/core/guardrails/commandForms.js';
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

describe('commandForms', () => {
  const forms = (command: string): string[] => commandParts(command).commands.flatMap(commandForms);
  it.each([
    ['sudo /usr/bin/terraform "destroy"', ['sudo /usr/bin/terraform destroy', 'terraform destroy']],
    [
      'terraform -chdir=infra -no-color destroy -x',
      ['terraform -chdir=infra -no-color destroy -x', 'terraform destroy -x'],
    ],
    ['terraform -- destroy', ['terraform -- destroy', 'terraform destroy']],
    [
      'kubectl --context prod -n web delete --wait=false namespace web',
      [
        'kubectl --context prod -n web delete --wait=false namespace web',
        'kubectl delete --wait=false namespace web',
        'kubectl delete namespace web',
      ],
    ],
    ['oc delete -n x ns y -- z', ['oc delete -n x ns y -- z', 'oc delete ns y z']],
    [
      'helm --kube-context prod uninstall api',
      ['helm --kube-context prod uninstall api', 'helm uninstall api'],
    ],
    ['git -C repo push --force', ['git -C repo push --force', 'git push --force']],
    ['ls -la - x', ['ls -la - x', 'ls - x']],
    ['echo -n "terraform destroy"', ['echo -n terraform destroy', 'echo terraform destroy']],
  ])('%j is tried as %j', (command, expected) => {
    expect(forms(command)).toEqual(expected);
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

describe('commands rule: how deny patterns see commands', () => {
  // DESIGN.md's example policy.
  const deny: Guardrail = { deny_commands: ['terraform destroy*', 'kubectl delete namespace*'] };
  const code = (commands: string[], g: Guardrail = deny): string | undefined =>
    commandRows(g, commands)[0]?.code;

  it.each([
    ['absolute path', '/usr/bin/terraform destroy -auto-approve'],
    ['relative path', './terraform destroy -auto-approve'],
    ['quoted subcommand', 'terraform "destroy" -auto-approve'],
    ['split quoting', "terraform de''stroy -auto-approve"],
    ['backslash escape', 'terraform de\\stroy -auto-approve'],
    ['sudo -u user', 'sudo -u deploy terraform destroy -auto-approve'],
    ['env -u VAR', 'env -u AWS_PROFILE terraform destroy -auto-approve'],
    ['nice -n 10', 'nice -n 10 terraform destroy -auto-approve'],
    ['timeout', 'timeout 600 terraform destroy -auto-approve'],
    ['brace group', '{ terraform destroy -auto-approve; }'],
    ['if/then', 'if true; then terraform destroy -auto-approve; fi'],
    ['negation', '! terraform destroy -auto-approve'],
    ['leading redirection', '>/dev/null terraform destroy -auto-approve'],
    ['bash -c', 'bash -c "terraform destroy -auto-approve"'],
    ['eval', 'eval terraform destroy -auto-approve'],
    ['xargs', 'echo -auto-approve | xargs terraform destroy'],
    ['xargs supplying the subcommand', 'echo destroy | xargs terraform'],
    ['xargs supplying the object', 'echo web | xargs -n1 kubectl delete namespace'],
    ['global option before the subcommand', 'terraform -chdir=infra destroy -auto-approve'],
    ['kubectl flag before the verb', 'kubectl --context prod delete namespace web'],
    ['kubectl flag inside the verb', 'kubectl delete -n prod namespace web'],
    ['inside $( )', 'echo $(terraform destroy)'],
    ['inside backticks in quotes', 'echo "`terraform destroy`"'],
    ['a subshell', '(cd infra; terraform destroy)'],
    ['a case branch', 'case $ENV in prod) terraform destroy;; esac'],
    ['a for loop', 'for d in a b; do terraform -chdir=$d destroy; done'],
    ['nested shells', `sudo bash -c "sh -c 'timeout 5 terraform destroy'"`],
    ['odd whitespace', '  terraform \t\u00a0 destroy\u000b-auto-approve  '],
    ['tofu? no: the pattern names terraform', 'tofu destroy'],
  ])('%s: %j', (name, command) => {
    expect(code([command])).toBe(name.startsWith('tofu') ? 'commands_allowed' : 'command_denied');
  });

  it.each([
    'terraform plan -out=plan.tfplan',
    'terraform apply plan.tfplan',
    'kubectl get pods',
    'kubectl get namespace web -o yaml',
    'echo "terraform destroy"',
    "echo 'kubectl delete namespace web'",
    'echo terraform destroy',
    'git commit -m "terraform destroy"',
    'terraform plan # then terraform destroy',
    'echo destroy | xargs echo terraform',
  ])('allows %j (data is not a command)', (command) => {
    expect(code([command])).toBe('commands_allowed');
  });

  it('still denies a pattern that matches the whole command line', () => {
    expect(code(['make && terraform destroy'], { deny_commands: ['make && terraform*'] })).toBe(
      'command_denied',
    );
  });

  it.each([
    ["terraform 'destroy", 'a single quote is never closed'],
    ['cat <<EOF | sh\nterraform destroy\nEOF', 'a heredoc'],
    ['bash -c', '`bash -c` has no command string'],
    ['$TF destroy', 'the command name `$TF` is only known at run time'],
    ['terraform {destroy,plan}', 'brace expansion'],
  ])('fails closed on %j', (command, problem) => {
    const [row] = commandRows(deny, [command]);
    expect(row).toMatchObject({ code: 'command_unparseable', outcome: 'fail', line: 20 });
    expect(row?.message).toContain(`(${problem}`);
    expect(row?.message).toMatch(
      /so the command rules fail closed: write it as plain commands the guardrails can read$/,
    );
  });

  it('names the simple command that matched', () => {
    const [row] = commandRows(deny, ['sudo -u deploy /usr/bin/terraform "destroy"']);
    expect(row?.message).toMatch(
      /^command `sudo -u deploy \/usr\/bin\/terraform "destroy"`, which runs `terraform destroy`, matches/,
    );
  });
});

describe('commands rule: allow lists stay as strict as written', () => {
  const allow: Guardrail = { allow_commands: ['terraform plan*', 'terraform apply *.tfplan', 'echo *'] };
  it.each([
    ['terraform plan -out=p.tfplan', 'commands_allowed'],
    ['terraform "plan"', 'commands_allowed'],
    ['echo "$(terraform plan)"', 'commands_allowed'],
    ['echo "$(terraform destroy)"', 'command_not_allowed'],
    ['bash -c "terraform plan"', 'command_not_allowed'],
    ['sudo terraform plan', 'command_not_allowed'],
    ['/tmp/x/terraform plan', 'command_not_allowed'],
    ['TF_LOG=1 terraform plan', 'command_not_allowed'],
    ['terraform -chdir=x plan', 'command_not_allowed'],
    ['terraform plan; echo ok', 'commands_allowed'],
    ['>out', 'commands_allowed'],
    ["echo 'x", 'command_unparseable'],
  ])('%j: %s', (command, expected) => {
    expect(commandRows(allow, [command])[0]?.code).toBe(expected);
  });

  it('asks for the wrapper and the command inside a shell alike', () => {
    const g: Guardrail = { allow_commands: ['bash -c *', 'terraform plan*'] };
    expect(commandRows(g, ['bash -c "terraform plan"'])[0]?.code).toBe('commands_allowed');
    expect(commandRows(g, ['bash -c "terraform destroy"'])[0]?.message).toBe(
      'command `terraform destroy` (in `bash -c "terraform destroy"`) matches no allow_commands pattern: run only allowed commands, or add a pattern to guardrails.production.allow_commands in access.yml',
    );
  });

  it('flags sensitive commands however they are wrapped', () => {
    const policy = policyFile({ production: { sensitive_commands: ['kubectl rollout restart*'] } });
    const commands = ['sudo kubectl --context prod rollout restart deploy/api'];
    expect(
      decideGuardrails(guardInput({ policy, commands })).rules.find((r) => r.rule === 'commands')?.message,
    ).toBe(
      '1 command(s) pass the command rules; sensitive: `sudo kubectl --context prod rollout restart deploy/api`',
    );
    const whole = policyFile({ production: { sensitive_commands: ['* && *'] } });
    expect(decideGuardrails(guardInput({ policy: whole, commands: ['a && b'] })).rules[1]?.message).toMatch(
      /sensitive/,
    );
  });
});
