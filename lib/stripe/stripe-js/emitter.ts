/** Element events with Stripe.js's `on` / `off` / `once` semantics (`off` without a handler drops them all). */
export type Handler = (event: unknown) => unknown;

export class Emitter {
  private readonly handlers = new Map<string, Array<{ handler: Handler; once: boolean }>>();

  on(event: string, handler: Handler, once = false): void {
    const list = this.handlers.get(event) ?? [];
    list.push({ handler, once });
    this.handlers.set(event, list);
  }

  off(event: string, handler?: Handler): void {
    if (!handler) {
      this.handlers.delete(event);
      return;
    }
    const list = this.handlers.get(event);
    if (!list) return;
    const index = list.findIndex((entry) => entry.handler === handler);
    if (index >= 0) list.splice(index, 1);
  }

  emit(event: string, payload: unknown): void {
    const list = this.handlers.get(event);
    if (!list) return;
    for (const entry of [...list]) {
      if (entry.once) this.off(event, entry.handler);
      try {
        entry.handler(payload);
      } catch (error) {
        // A merchant's handler failing must not break the form, as with Stripe.js's iframe boundary.
        setTimeout(() => {
          throw error;
        });
      }
    }
  }

  clear(): void {
    this.handlers.clear();
  }
}
