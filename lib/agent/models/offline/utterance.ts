import { FILLERS_EN, FILLERS_JA, PROTECTED, SITUATION, type Cue } from './lexicon';
import { detectLanguage, normalize, type Language } from './normalize';

const compiled = new Map<string, RegExp>();

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A phrase becomes a global regex; Latin-script edges must fall on word boundaries. */
export function cueToRegExp(cue: Cue): RegExp {
  if (cue instanceof RegExp) return cue.global ? cue : new RegExp(cue.source, `${cue.flags}g`);
  let regex = compiled.get(cue);
  if (!regex) {
    const start = /^[a-z0-9]/.test(cue) ? '(?<![a-z0-9])' : '';
    const end = /[a-z0-9]$/.test(cue) ? '(?![a-z0-9])' : '';
    regex = new RegExp(`${start}${escapeRegExp(cue).replace(/ /g, '\\s+')}${end}`, 'g');
    compiled.set(cue, regex);
  }
  return regex;
}

let edges: { leading: RegExp; trailing: RegExp } | undefined;
function fillerEdges() {
  if (!edges) {
    const fillers = [...FILLERS_EN, ...FILLERS_JA].map((cue) => cueToRegExp(cue).source).join('|');
    edges = { leading: new RegExp(`^(?:${fillers})`), trailing: new RegExp(`(?:${fillers})$`) };
  }
  return edges;
}

interface Span {
  start: number;
  end: number;
}

/**
 * One user message being read. Slot readers `take` what they understand; what is left over
 * (`rest`) is the shopper's own description of what they want, i.e. the search query.
 */
export class Utterance {
  readonly raw: string;
  readonly lang: Language;
  readonly normalized: string;
  private text: string;
  private readonly protectedSpans: Span[];

  constructor(raw: string) {
    this.raw = raw;
    this.lang = detectLanguage(raw);
    this.normalized = normalize(raw);
    this.text = this.normalized;
    this.protectedSpans = PROTECTED.flatMap((cue) =>
      [...this.normalized.matchAll(cueToRegExp(cue))].map((m) => ({
        start: m.index,
        end: m.index + m[0].length,
      })),
    );
  }

  private *matches(cue: Cue): Generator<RegExpExecArray> {
    for (const match of this.text.matchAll(cueToRegExp(cue))) {
      if (match[0].trim() === '') continue;
      const span = { start: match.index, end: match.index + match[0].length };
      if (this.protectedSpans.some((p) => span.start < p.end && p.start < span.end)) continue;
      yield match as RegExpExecArray;
    }
  }

  /** The first not-yet-taken match of any cue, without taking it. */
  find(cues: Cue | readonly Cue[]): RegExpExecArray | undefined {
    let best: RegExpExecArray | undefined;
    for (const cue of Array.isArray(cues) ? cues : [cues]) {
      const match = this.matches(cue as Cue).next().value;
      if (match && (!best || match.index < best.index)) best = match;
    }
    return best;
  }

  has(cues: Cue | readonly Cue[]): boolean {
    return this.find(cues) !== undefined;
  }

  /** Like `find`, but the match is removed from what remains (cues earlier in the list win). */
  take(cues: Cue | readonly Cue[]): RegExpExecArray | undefined {
    for (const cue of Array.isArray(cues) ? cues : [cues]) {
      const match = this.matches(cue as Cue).next().value;
      if (match) {
        this.blank(match.index, match.index + match[0].length);
        return match;
      }
    }
    return undefined;
  }

  /** Takes every match of the cues, leftmost-longest first ("お願いします" before "お願い"). */
  takeAll(cues: readonly Cue[]): RegExpExecArray[] {
    const taken: RegExpExecArray[] = [];
    for (;;) {
      let best: RegExpExecArray | undefined;
      for (const cue of cues) {
        const match = this.matches(cue).next().value;
        if (
          match &&
          (!best ||
            match.index < best.index ||
            (match.index === best.index && match[0].length > best[0].length))
        )
          best = match;
      }
      if (!best) return taken;
      this.blank(best.index, best.index + best[0].length);
      taken.push(best);
    }
  }

  private blank(start: number, end: number) {
    this.text = `${this.text.slice(0, start)}${' '.repeat(end - start)}${this.text.slice(end)}`;
  }

  /** What is left, with filler words and particles trimmed from both edges. */
  rest(): string {
    const { leading, trailing } = fillerEdges();
    const segments = this.text
      .split(/\s{2,}|[?!.,;:、。？！・…()（）[\]"]+/)
      .map((segment) => {
        let s = segment.replace(/\s+/g, ' ').replace(/^['\s]+|['\s]+$/g, '');
        for (let previous = ''; previous !== s;) {
          previous = s;
          s = s.replace(leading, '').trim().replace(trailing, '').trim();
        }
        return s;
      })
      .filter(Boolean);
    // "We're going camping next week, what tent would you recommend?": the plans set the scene,
    // the question says what to search for.
    const asked = segments.filter((segment) => !SITUATION.test(segment));
    return (asked.length > 0 ? asked : segments).join(' ').trim();
  }
}
