// What every interop driver does at its end: print what it saw as one JSON line and exit, and give up with a recorded
// time-out if the simulator never lets it finish (so a hung run fails the test instead of hanging it).
export function guardRun(result, timeoutMs, timeoutMessage) {
  const done = (code) => {
    clearTimeout(guard);
    process.stdout.write(JSON.stringify(result) + "\n");
    process.exit(code);
  };
  const guard = setTimeout(() => {
    result.errors.push({ code: -1, reqId: -1, message: timeoutMessage });
    done(1);
  }, timeoutMs);
  return done;
}
