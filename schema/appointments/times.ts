/**
 * Wall-clock times in a time zone, with the platform's Intl data (no extra library): the spec sends appointment
 * times as local date-times ("2022-12-05T22:01:00") meant in the participant's zone.
 */

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string) {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of `instant` in `timeZone`. */
function wallClock(instant: Date, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts as { year: number; month: number; day: number; hour: number; minute: number; second: number };
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant.getTime() - instant.getMilliseconds());
}

/** "2022-12-05T22:01:00" for `instant` as seen in `timeZone`. */
export function formatLocal(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

/**
 * The instant meant by `time`: a full ISO instant (with Z or an offset) as it is, or a local date-time
 * (YYYY-MM-DDTHH:MM[:SS]) read in `timeZone`. A local time skipped by a daylight-saving change moves forward by
 * the gap, as clocks do. Null when `time` is neither.
 */
export function parseAppointmentTime(time: string, timeZone: string): Date | null {
  const text = time.trim();
  if (WITH_OFFSET.test(text)) {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null;
    const instant = new Date(text);
    return Number.isNaN(instant.getTime()) ? null : instant;
  }
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const check = new Date(asUtc);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month! - 1 ||
    check.getUTCDate() !== day ||
    hour! > 23 ||
    minute! > 59 ||
    second! > 59
  )
    return null;
  // Two passes settle the offset in effect at the wall-clock time (it may differ from the first guess's).
  const first = asUtc - offsetAt(new Date(asUtc), timeZone);
  const settled = new Date(asUtc - offsetAt(new Date(first), timeZone));
  // In a gap (the clocks jumped over this time) the settled instant reads differently; the first guess lies past it.
  return formatLocal(settled, timeZone) === formatLocal(new Date(asUtc), "UTC") ? settled : new Date(first);
}

/** Whether `timeZone` is an IANA zone the platform knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}
