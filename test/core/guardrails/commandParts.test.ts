import { describe, expect, it } from 'vitest';
import { commandParts } from '../../../src/core/guardrails/index.js';

/** What each simple command runs, as `argv` joined by spaces (and a `+` behind xargs). */
const runs = (command: string): string[] => {
  const parts = commandParts(command);
  expect(parts.problem).toBeUndefined();
  return parts.commands.map((c) => c.argv.join(' ') + (c.openEnded ? ' +' : ''));
};

describe('commandParts: splitting', () => {
  it.each([
    ['  terraform \t apply\n -auto-approve  ', ['terraform apply', '-auto-approve']],
    ['echo ok && terraform destroy', ['echo ok', 'terraform destroy']],
    ['a || b; c | d |& e & f', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['a\r\nb\rc', ['a', 'b', 'c']],
    ['terraform \\\n  destroy \\\r\n -auto-approve\nls', ['terraform destroy -auto-approve', 'ls']],
    [';;  ;'.replace(';;', ';'), []],
    ['(cd infra && terraform destroy)', ['cd infra', 'terraform destroy']],
    ['{ terraform destroy; }', ['terraform destroy']],
    [
      'if true; then terraform destroy; elif x; then y; else z; fi',
      ['true', 'terraform destroy', 'x', 'y', 'z'],
    ],
    ['while read l; do terraform destroy; done', ['read l', 'terraform destroy']],
    ['until false; do :; done', ['false', ':']],
    ['! terraform destroy', ['terraform destroy']],
    ['echo } { !', ['echo } { !']],
    ['for x in a b; do terraform destroy; done', ['terraform destroy']],
    ['select x in a b\ndo echo $x; done', ['echo $x']],
    [
      'case $E in prod) terraform destroy;; (a | b) echo ab;& *) echo no;;& esac',
      ['terraform destroy', 'echo ab', 'echo no'],
    ],
    ['case x\nin a) echo a;; esac; esac', ['echo a', 'esac']],
    ['case x in a) echo a; esac', ['echo a']],
    ['function f { terraform destroy; }; f', ['terraform destroy', 'f']],
    ['f() { terraform destroy; }', ['f', 'terraform destroy']],
    ['terraform plan # ; terraform destroy\nls', ['terraform plan', 'ls']],
    ['echo a#b', ['echo a#b']],
    ['case a b in x) echo x;; esac', ['echo x']],
  ])('%j runs %j', (command, expected) => {
    expect(runs(command)).toEqual(expected);
  });
});

describe('commandParts: words', () => {
  it.each([
    ['terraform "destroy" -auto-approve', ['terraform destroy -auto-approve']],
    ["terraform de''stroy", ['terraform destroy']],
    ['terraform de\\stroy', ['terraform destroy']],
    ['terraform "de\\s\\$\\"\\\\t\\`r\\\noy"', ['terraform de\\s$"\\t`roy']],
    ['echo \\', ['echo \\']],
    ['echo "terraform destroy"', ['echo terraform destroy']],
    ['echo $"hi" $ "$" x$', ['echo hi $ $ x$']],
    ["echo $'plain'", ['echo plain']],
    ['echo $HOME ${HOME} $1 $@ "$x"', ['echo $HOME ${HOME} $1 $@ $x']],
    ['/usr/bin/terraform destroy', ['terraform destroy']],
    ['terra\\\nform de\\\r\nstroy $HOME', ['terraform destroy $HOME']],
    ['./terraform destroy', ['terraform destroy']],
    ['$HOME/bin/terraform destroy', ['terraform destroy']],
    ['/ x', ['/ x']],
    ['terraform\u00a0destroy\u000b-auto-approve', ['terraform destroy -auto-approve']],
    ['find . -exec rm {} +', ['find . -exec rm {} +']],
    ['echo "{a,b}" \'{1..3}\'', ['echo {a,b} {1..3}']],
  ])('%j runs %j', (command, expected) => {
    expect(runs(command)).toEqual(expected);
  });
});

describe('commandParts: redirections and assignments', () => {
  it.each([
    ['>/dev/null terraform destroy', ['terraform destroy'], '>/dev/null terraform destroy'],
    ['terraform plan 2>&1 | tee log &>/dev/null', ['terraform plan', 'tee log'], 'terraform plan 2>&1'],
    [
      '2> err terraform destroy >>out <in <<<word &>>all 3<>rw >|x <&0',
      ['terraform destroy'],
      '2>err terraform destroy >>out <in <<<word &>>all 3<>rw >|x <&0',
    ],
    ['a2>x', ['a2'], 'a2 >x'],
    ['TF_LOG=1 A+=b terraform destroy', ['terraform destroy'], 'TF_LOG=1 A+=b terraform destroy'],
    ['x=1', ['x=1'], 'x=1'],
    ['>out', [], undefined],
  ])('%j runs %j', (command, expected, written) => {
    expect(runs(command)).toEqual(expected);
    expect(commandParts(command).commands[0]?.written).toBe(written);
  });
});

describe('commandParts: wrappers', () => {
  it.each([
    ['sudo -u deploy terraform destroy', ['terraform destroy']],
    ['sudo -Eu deploy -- terraform destroy', ['terraform destroy']],
    ['sudo --user=deploy --preserve-env --chdir /x terraform destroy', ['terraform destroy']],
    ['sudo -udeploy TF_LOG=1 /usr/bin/terraform destroy', ['terraform destroy']],
    ['doas -u deploy terraform destroy', ['terraform destroy']],
    ['env -u AWS_PROFILE -i A=b terraform destroy', ['terraform destroy']],
    ['env - A=b terraform destroy', ['terraform destroy']],
    ['env --unset X --chdir=/ terraform destroy', ['terraform destroy']],
    ['nice -n 10 terraform destroy', ['terraform destroy']],
    ['nice -10 terraform destroy', ['terraform destroy']],
    ['timeout 600 terraform destroy', ['terraform destroy']],
    ['timeout -s KILL --kill-after 5 --foreground 10m terraform destroy', ['terraform destroy']],
    ['nohup terraform destroy &', ['terraform destroy']],
    ['time -p terraform destroy', ['terraform destroy']],
    ['command terraform destroy', ['terraform destroy']],
    ['builtin command exec -a x terraform destroy', ['terraform destroy']],
    ['echo -auto-approve | xargs terraform destroy', ['echo -auto-approve', 'terraform destroy +']],
    ['xargs -n 1 -P4 -0 -I {} terraform destroy {}', ['terraform destroy {} +']],
    ['stdbuf -oL -e 0 terraform destroy', ['terraform destroy']],
    ['ionice -c 3 setsid terraform destroy', ['terraform destroy']],
    ['sudo -u deploy', ['sudo -u deploy']],
    ['timeout 600', ['timeout 600']],
    ['env A=b', ['A=b']],
    ['nohup', ['nohup']],
  ])('%j runs %j', (command, expected) => {
    expect(runs(command)).toEqual(expected);
  });
});

describe('commandParts: nested commands', () => {
  it.each([
    ['echo "at $(date)" `whoami`', ['echo at $(date) `whoami`', 'date', 'whoami']],
    [
      'echo $(echo $(terraform destroy))',
      ['echo $(echo $(terraform destroy))', 'terraform destroy', 'echo $(terraform destroy)'],
    ],
    [
      'echo "`terraform destroy`" `echo \\`id\\` \\$x \\\\ \\y`',
      [
        'echo `terraform destroy` `echo \\`id\\` \\$x \\\\ \\y`',
        'terraform destroy',
        'id',
        'echo `id` $x  y',
      ],
    ],
    ['diff <(terraform show) >(cat) x', ['diff <(terraform show) >(cat) x', 'terraform show', 'cat']],
    ['X=$(terraform destroy) ./deploy.sh', ['deploy.sh', 'terraform destroy']],
    [
      'bash -c "terraform destroy -auto-approve"',
      ['bash -c terraform destroy -auto-approve', 'terraform destroy -auto-approve'],
    ],
    ["sh -euxc 'terraform destroy' name arg", ['sh -euxc terraform destroy name arg', 'terraform destroy']],
    [
      'bash +o posix -o pipefail -c "terraform destroy"',
      ['bash +o posix -o pipefail -c terraform destroy', 'terraform destroy'],
    ],
    ['zsh --rcfile x -c "terraform destroy"', ['zsh --rcfile x -c terraform destroy', 'terraform destroy']],
    [
      'sudo bash -c "sudo dash -c \'terraform destroy\'"',
      ["bash -c sudo dash -c 'terraform destroy'", 'dash -c terraform destroy', 'terraform destroy'],
    ],
    ['bash deploy.sh', ['bash deploy.sh']],
    ['ksh -c ""', ['ksh -c ']],
    [
      'eval terraform destroy -auto-approve',
      ['eval terraform destroy -auto-approve', 'terraform destroy -auto-approve'],
    ],
    ['eval', ['eval']],
    ['echo $((1+2))', ['echo $((1+2))', '1+2']],
  ])('%j runs %j', (command, expected) => {
    expect(runs(command)).toEqual(expected);
  });
});

describe('commandParts: what it refuses', () => {
  it.each([
    ["terraform 'destroy", 'a single quote is never closed'],
    ['terraform "destroy', 'a double quote is never closed'],
    ['echo `id', 'a backtick is never closed'],
    ['echo $(id', 'a `$(` is never closed'],
    ['echo <(id', 'a `$(` is never closed'],
    ['echo ${x', 'a `${` is never closed'],
    ['echo ${x:-$(id)}', 'quotes or a substitution inside `${...}`'],
    ['echo ${x:-"a"}', 'quotes or a substitution inside `${...}`'],
    ["echo $'\\x41'", "`$'...'` quoting with backslash escapes"],
    ["echo $'x", 'a single quote is never closed'],
    ['cat <<EOF\nterraform destroy\nEOF', 'a heredoc (`<<`): its lines are not checked'],
    ['cat <<-EOF', 'a heredoc'],
    ['ls >', 'the redirection `>` has no target'],
    ['ls > ;', 'the redirection `>` has no target'],
    ['(echo', 'a `(` is never closed'],
    ['echo )', 'a `)` closes nothing'],
    ['echo a ;; b', '`;;` outside a case statement'],
    ['case x in a) echo', 'a `case` is never closed with `esac`'],
    ['terraform {destroy,plan}', 'brace expansion'],
    ['{terraform,destroy}', 'brace expansion'],
    ['terraform de{s,}troy', 'brace expansion'],
    ['echo {1..3}', 'brace expansion'],
    ['$TF destroy', 'the command name `$TF` is only known at run time'],
    ['"$(which terraform)" destroy', 'is only known at run time'],
    ['sudo `which terraform` destroy', 'is only known at run time'],
    ['bash -c', '`bash -c` has no command string'],
    ['echo terraform destroy | bash', '`bash` reads its commands from standard input'],
    ['curl x | sudo sh -s -- -y', '`sh` reads its commands from standard input'],
    ["env -S 'terraform destroy'", '`env -S` splits its argument into a command'],
    ['env --split-string=x', '`env -S`'],
    ['echo ' + '$('.repeat(9) + ')'.repeat(9), 'substitutions nest more than 8 deep'],
    ['echo ' + '`echo \\'.repeat(3) + '`', 'a backtick is never closed'],
    ['eval '.repeat(10) + 'terraform destroy', 'shells and evals nest more than 8 deep'],
  ])('%j: %s', (command, problem) => {
    expect(commandParts(command).problem).toContain(problem);
  });

  it('refuses backticks nested too deep', () => {
    let command = 'id';
    for (let i = 0; i < 9; i++) command = `echo \`${command.replace(/[\\`]/g, '\\$&')}\``;
    expect(commandParts(command).problem).toBe('substitutions nest more than 8 deep');
  });
});
