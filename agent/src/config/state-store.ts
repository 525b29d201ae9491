import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { errorMessage, type Logger } from '../common/logger';

const captureChoiceSchema = z.object({ filter: z.string().nullable(), interface: z.string() });
export type SavedCapture = z.infer<typeof captureChoiceSchema>;

const persistedStateSchema = z.object({
  // Every capture running when last changed by a command; null until the first command (older
  // state files have only the single interface and filter below).
  captures: z.array(captureChoiceSchema).nullable().default(null),
  filter: z.string().nullable(),
  interface: z.string().nullable(),
  seqReserved: z.number().int().nonnegative(),
});
export type PersistedState = z.infer<typeof persistedStateSchema>;

// Seqs are reserved in blocks so the disk is written once a minute, not once a second.
export const SEQ_RESERVE_BLOCK = 60;

/** The agent's small durable memory: next seq, the captures the console chose. */
export class StateStore {
  private readonly file: string;
  private nextSeqValue: number;
  private state: PersistedState;
  private warned = false;

  constructor(
    private readonly dir: string,
    private readonly log: Logger,
    now = Date.now(),
  ) {
    this.file = join(dir, 'state.json');
    this.state = this.read();
    // Never below epoch seconds either, so a lost state dir cannot make the console drop
    // new reports as replays of old (agentId, seq) pairs.
    this.nextSeqValue = Math.max(this.state.seqReserved + 1, Math.floor(now / 1000));
    this.state.seqReserved = this.nextSeqValue + SEQ_RESERVE_BLOCK - 1;
    this.write();
  }

  get chosen(): { filter: string | null; interface: string | null } {
    return { filter: this.state.filter, interface: this.state.interface };
  }

  /** The captures to resume, or null when no command ever chose them. */
  get savedCaptures(): SavedCapture[] | null {
    return this.state.captures;
  }

  nextSeq(): number {
    const seq = this.nextSeqValue++;
    if (seq > this.state.seqReserved) {
      this.state.seqReserved = seq + SEQ_RESERVE_BLOCK - 1;
      this.write();
    }
    return seq;
  }

  saveChoice(choice: { filter: string | null; interface: string | null }): void {
    this.state.filter = choice.filter;
    this.state.interface = choice.interface;
    this.write();
  }

  /** Every running capture; the first is also kept as the single interface/filter choice. */
  saveCaptures(captures: SavedCapture[]): void {
    this.state.captures = captures.map((c) => ({ filter: c.filter, interface: c.interface }));
    if (captures.length > 0) {
      this.state.filter = captures[0].filter;
      this.state.interface = captures[0].interface;
    }
    this.write();
  }

  private read(): PersistedState {
    const empty: PersistedState = {
      captures: null,
      filter: null,
      interface: null,
      seqReserved: 0,
    };
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return empty;
    }
    try {
      const parsed = persistedStateSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      this.log.warn(
        `state: ${this.file}: ignoring invalid content (${parsed.error.issues[0].message})`,
      );
    } catch (e) {
      this.log.warn(`state: ${this.file}: ignoring invalid JSON (${errorMessage(e)})`);
    }
    return empty;
  }

  // Write-then-rename so a crash mid-write leaves the previous state intact.
  private write(): void {
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = `${this.file}.tmp`;
      writeFileSync(tmp, JSON.stringify(this.state));
      renameSync(tmp, this.file);
    } catch (e) {
      if (!this.warned) {
        this.warned = true;
        this.log.warn(
          `state: cannot write ${this.file} (${(e as NodeJS.ErrnoException).code ?? errorMessage(e)}); ` +
            'seq, interface and filter will not survive a restart; set --state-dir / NTA_STATE_DIR',
        );
      }
    }
  }
}
