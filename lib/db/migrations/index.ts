import { foundation } from './0001_foundation';
import { stripeEmulator } from './0002_stripe_emulator';
import { sellers } from './0003_sellers';
import { agent } from './0004_agent';

export interface Migration {
  id: string;
  /** One SQL statement each: PGlite's extended protocol runs a single statement per call. */
  statements: string[];
}

/** Every migration, in the order it applies. Append new ones; never edit one that has shipped. */
export const migrations: Migration[] = [foundation, stripeEmulator, sellers, agent];
