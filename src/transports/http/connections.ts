/**
 * Tracks open connections so a graceful shutdown can close the ones with nothing to do, without
 * cutting a client that has connected but not yet sent its request (node's closeIdleConnections
 * counts those as idle, and its client then sees a reset).
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

interface Connection {
  openedAt: number;
  active: number;
  served: number;
  /** When its last response ended. */
  idleSince: number;
}

/** A fresh connection gets this long to send its first request once shutdown has begun. */
export const FIRST_REQUEST_GRACE_MS = 2_000;
/**
 * A kept-alive connection is closed by a draining server once idle this long: a client reusing its
 * connection sends its next request within milliseconds of an answer, so closing sooner would race it
 * (its request reset); answers written while draining say `Connection: close` and end on their own.
 */
export const DRAIN_IDLE_MS = 250;
/** At the connection cap, a connection that has sent nothing for this long counts as idle. */
const IDLE_FIRST_REQUEST_MS = 1_000;

export class ConnectionTracker {
  private readonly connections = new Map<Socket, Connection>();
  /** Connections accepted so far; a shutdown watches it to know when the accept backlog is empty. */
  accepted = 0;

  /** Connections refused because the cap was reached and none was idle. */
  refused = 0;

  constructor(
    server: Server,
    private readonly maxConnections = Infinity,
  ) {
    server.on('connection', (socket: Socket) => {
      this.accepted += 1;
      if (this.connections.size >= this.maxConnections && this.reapIdle() === 0) {
        // Full of connections that are all busy: refusing one beats failing everyone for lack of descriptors.
        this.refused += 1;
        socket.destroy();
        return;
      }
      const now = Date.now();
      this.connections.set(socket, { openedAt: now, active: 0, served: 0, idleSince: now });
      socket.once('close', () => this.connections.delete(socket));
    });
  }

  requestStarted(socket: Socket): void {
    const c = this.connections.get(socket);
    if (c) c.active += 1;
  }

  requestEnded(socket: Socket): void {
    const c = this.connections.get(socket);
    if (!c) return;
    c.active = Math.max(0, c.active - 1);
    c.served += 1;
    c.idleSince = Date.now();
  }

  get size(): number {
    return this.connections.size;
  }

  /** Ends connections between requests (kept alive after one, or never used within the grace). */
  closeIdle(now = Date.now()): void {
    for (const [socket, c] of this.connections) {
      if (c.active > 0) continue;
      const idle =
        c.served > 0 ? now - c.idleSince > DRAIN_IDLE_MS : now - c.openedAt > FIRST_REQUEST_GRACE_MS;
      if (idle) socket.destroy();
    }
  }

  /**
   * At the cap: closes the connection idle the longest (kept alive after an answer, or connected for a
   * second without sending anything). Returns how many it closed (0 or 1).
   */
  private reapIdle(now = Date.now()): number {
    let oldest: Socket | undefined;
    let since = Infinity;
    for (const [socket, c] of this.connections) {
      if (c.active > 0) continue;
      const idleSince = c.served > 0 ? c.idleSince : c.openedAt + IDLE_FIRST_REQUEST_MS;
      if (idleSince <= now && idleSince < since) {
        since = idleSince;
        oldest = socket;
      }
    }
    if (!oldest) return 0;
    this.connections.delete(oldest);
    oldest.destroy();
    return 1;
  }

  closeAll(): void {
    for (const socket of this.connections.keys()) socket.destroy();
  }
}
