/**
 * Standard output and error, written with fs.writeSync on their file descriptors.
 *
 * Why: the first touch of process.stdout builds a stream and loads node:stream and node:net,
 * ≈ 12 ms of a 115 ms cold `qxml validate`. Blocking writes are what a CLI wants anyway (all
 * output is out before the exit code). A reader that went away (EPIPE: `qxml lint . | head -1`)
 * makes the rest of the output be dropped quietly, and the exit code stays the findings' one. A
 * non-blocking descriptor (EAGAIN) hands this and all later output to node's stream, in order.
 */
import { fstatSync, writeSync } from "node:fs";

type Fd = 1 | 2;

const state: Record<Fd, "sync" | "stream" | "closed"> = { 1: "sync", 2: "sync" };

function stream(fd: Fd): NodeJS.WriteStream {
  return fd === 1 ? process.stdout : process.stderr;
}

function write(fd: Fd, text: string): void {
  if (state[fd] === "closed" || text.length === 0) return;
  if (state[fd] === "stream") {
    stream(fd).write(text);
    return;
  }
  const bytes = Buffer.from(text, "utf8");
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === "EPIPE") {
        state[fd] = "closed";
        return;
      }
      if (code !== "EAGAIN") throw e;
      state[fd] = "stream";
      const s = stream(fd);
      s.on("error", (err: NodeJS.ErrnoException) => {
        if (err.code !== "EPIPE") throw err;
        state[fd] = "closed";
      });
      s.write(bytes.subarray(done));
      return;
    }
  }
}

export function writeOut(text: string): void {
  write(1, text);
}

export function writeErr(text: string): void {
  write(2, text);
}

/** Whether fd is a terminal; node:tty (and with it node:stream) is loaded only for a character device. */
export function isTerminal(fd: Fd): boolean {
  try {
    if (!fstatSync(fd).isCharacterDevice()) return false;
  } catch {
    return false;
  }
  return stream(fd).isTTY === true;
}
