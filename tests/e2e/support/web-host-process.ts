import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

const hostLine = /^Baton web host: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)$/;

export interface WebHostProcess {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  /** Everything the host wrote on stdout: it must be exactly the one announced line. */
  stdoutLines: string[];
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the built web host as a user would (`npm run serve` runs the same file). */
export async function startWebHostProcess(args: { profile: string; shared?: string; nodeOptions?: string }): Promise<WebHostProcess> {
  const argv = ['dist/host/serve.mjs', '--profile', args.profile, ...(args.shared ? ['--shared', args.shared] : [])];
  const env = args.nodeOptions ? { ...process.env, NODE_OPTIONS: args.nodeOptions } : process.env;
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'], env });
  const stdoutLines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${stderr}`)), 20_000);
    child.once('exit', (code) => reject(new Error(`web host exited with ${code}:\n${stderr}`)));
    lines.on('line', (line) => {
      stdoutLines.push(line);
      const match = hostLine.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    child,
    stdoutLines,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
