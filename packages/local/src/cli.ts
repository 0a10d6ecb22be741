import { extractPhone, extractSignals } from "@arqan/shared";
import type { RunningStack } from "./stack/startStack.ts";

const usage = `Usage: arqan <command>

Commands:
  start            Run the local stack: Postgres, the Supabase API stand-in, Edge Functions, the dashboard, a demo workspace
  phone <text>     Print the E.164 form of the first phone number in the text: {"phone": "+77011234567"} or {"phone": null}
  signals <text>   Print what the rules read from a lead's message, as one JSON line:
                   {"language": "ru", "city": "Almaty", "budget_kzt": 300000, "timeline_days": 1, "phone": "+77011234567"}
  parse <file-or-url> [--url <original url>] [--site auto|olx|kaspi|satu|generic] [--browser auto|never|always]
                   Read one page (a saved file or a URL fetched politely) and print its normalized result as JSON
  export <task id | parse result .json> [--format json|csv|xlsx|sql|wxr|jsonld] [--out <file>|-]
                   Export a parser task's products (from DATABASE_URL, default the local stack's Postgres)
  db-types [--check]  Regenerate packages/shared/src/database.types.ts with the Supabase CLI (--check: fail if stale)
`;

/** Runs one `arqan` subcommand and returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "start":
      return runStart();
    case "phone": {
      const text = rest.join(" ");
      if (!text) {
        process.stderr.write('arqan phone: give the text to read, e.g. arqan phone "8 701 123 45 67"\n');
        return 2;
      }
      process.stdout.write(`{"phone": ${JSON.stringify(extractPhone(text))}}\n`);
      return 0;
    }
    case "signals": {
      const text = rest.join(" ");
      if (!text) {
        process.stderr.write(
          'arqan signals: give the message to read, e.g. arqan signals "Нужен кондиционер в Алматы, бюджет 300 тыс"\n',
        );
        return 2;
      }
      const signals = extractSignals(text);
      const keys = ["language", "city", "budget_kzt", "timeline_days", "phone"] as const;
      process.stdout.write(
        `{${keys.map((key) => `"${key}": ${JSON.stringify(signals[key])}`).join(", ")}}\n`,
      );
      return 0;
    }
    case "parse":
    case "export": {
      const scraper = await import("@arqan/scraper");
      const io = {
        stdout: (text: string) => process.stdout.write(text),
        stderr: (text: string) => process.stderr.write(text),
        env: process.env,
      };
      try {
        return command === "parse"
          ? await scraper.runParseCommand(rest, io)
          : await scraper.runExportCommand(rest, io);
      } catch (error) {
        if (error instanceof scraper.ScraperConfigError) {
          process.stderr.write(`arqan ${command}: ${error.message}\n`);
          return 2;
        }
        throw error;
      }
    }
    case "db-types": {
      const { generateDatabaseTypes } = await import("./database/generateDatabaseTypes.ts");
      return generateDatabaseTypes({
        check: rest.includes("--check"),
        log: (line) => process.stderr.write(`${line}\n`),
      });
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(usage);
      return command === undefined ? 2 : 0;
    default:
      process.stderr.write(`arqan: unknown command '${command}'\n\n${usage}`);
      return 2;
  }
}

async function runStart(): Promise<number> {
  // Loaded on demand so that quick subcommands (`phone`) do not pay for the stack's modules.
  const { MigrationFailedError } = await import("./database/pushMigrations.ts");
  const { StackAlreadyRunningError } = await import("./acquireStackLock.ts");
  const { readStackConfig } = await import("./stack/readStackConfig.ts");
  const { startStack } = await import("./stack/startStack.ts");
  const { takeOverShutdownSignals } = await import("./postgres/takeOverShutdownSignals.ts");
  takeOverShutdownSignals();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  // Signals are ours from here on, also during start-up: a Ctrl-C then stops what has started once the
  // current step ends, instead of killing Node and orphaning Postgres.
  let stack: RunningStack | null = null;
  let stopRequested = false;
  let stopped: Promise<void> | null = null;
  let wakeUp: () => void = () => {};
  const stopRunning = (running: RunningStack) => {
    stopped ??= (async () => {
      log("\nStopping…");
      await running.stop();
      log("Stopped. Data is kept for the next start.");
    })();
    return stopped;
  };
  const onSignal = () => {
    stopRequested = true;
    if (stack) void stopRunning(stack).then(() => wakeUp());
    else log("\nStopping once the current start-up step finishes…");
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const config = readStackConfig();
    log(
      config.databaseUrl ? "Starting Arqan on DATABASE_URL…" : `Starting Arqan (data in ${config.dataDir})…`,
    );
    stack = await startStack(config, log);
  } catch (error) {
    if (stopRequested) {
      // Ctrl-C reaches the whole process group, so the step under way (the Supabase CLI, initdb) failed with it.
      log("Stopped during start-up; nothing is left running.");
      return 130;
    }
    if (error instanceof StackAlreadyRunningError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    if (error instanceof MigrationFailedError) {
      process.stderr.write(`\n✗ ${error.message}\nThe database was left as it was before this migration.\n`);
      return 1;
    }
    process.stderr.write(
      `\n✗ Arqan did not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
  if (stopRequested) {
    await stopRunning(stack);
    return 130;
  }
  const seconds = ((stack.timings.ready ?? 0) / 1000).toFixed(1);
  log("");
  log(`Arqan is ready in ${seconds} s`);
  log(`  Dashboard:   ${stack.dashboardUrl}`);
  if (stack.login) log(`  Demo login:  ${stack.login.email} / ${stack.login.password}`);
  log(`  API:         ${stack.apiUrl}  (anon key: ${stack.anonKey.slice(0, 16)}…)`);
  log(`  Functions:   ${stack.functionsUrl}/health`);
  log(`  Scraper:     ${stack.scraperUrl}/parse  (tasks from the dashboard's Research page run here too)`);
  log(
    `  Schedules:   ${stack.schedules.schedules.length} run by ${stack.schedules.mode === "pg_cron" ? "pg_cron" : "the local stack"}`,
  );
  log("Press Ctrl-C to stop.");
  await new Promise<void>((resolve) => {
    wakeUp = resolve;
  });
  return 0;
}
