// `npm run hash-password [name]`: prints a scrypt hash for DASHBOARD_USERS. The password is read
// from a hidden prompt (twice) or from stdin when piped, never from the command line, so it stays
// out of shell history and the process list.
import { MAX_PASSWORD_LENGTH, hashPassword } from '../server/auth/password-hash';
import { isValidUserName, normalizeUserName } from '../server/auth/users';

const MIN_LENGTH = 12;

/** Reads one line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let typed = '';
    const finish = (error?: Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(typed);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new Error('Cancelled.'));
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPiped(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  // One trailing newline belongs to `echo`, not to the password.
  return text.replace(/\r?\n$/, '');
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await promptHidden('Password: ');
  const again = await promptHidden('Again: ');
  if (first !== again) throw new Error('The two passwords differ.');
  return first;
}

async function main(): Promise<void> {
  const nameArg = process.argv[2];
  const name = nameArg === undefined ? undefined : normalizeUserName(nameArg);
  if (name !== undefined && !isValidUserName(name)) {
    throw new Error('A user name is letters, digits and . _ @ - (at most 64).');
  }
  const password = await readPassword();
  if (password.length < MIN_LENGTH) {
    throw new Error(`Use at least ${MIN_LENGTH} characters.`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new Error(`Use at most ${MAX_PASSWORD_LENGTH} characters.`);
  }
  const hash = await hashPassword(password);
  // Only the result on stdout, so it can be piped or captured.
  process.stdout.write(`${name === undefined ? '' : `${name}:`}${hash}\n`);
  if (process.stdin.isTTY) {
    process.stderr.write(
      "Add it to DASHBOARD_USERS (comma-separated name:hash pairs). In a shell, quote it: '$' is special.\n",
    );
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`hash-password: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
