// Money and decimal answers: rounded half away from zero, without binary floating-point drift
// (1.005 is 1.01, as a person computing with decimals would say).
export function roundHalfAway(x: number, places = 2): number {
  if (!Number.isFinite(x) || Number.isInteger(x)) return x;
  const clean = Number(Math.abs(x).toPrecision(15));
  const scaled = Number((clean * 10 ** places).toPrecision(15));
  const r = Math.floor(scaled + 0.5) / 10 ** places;
  return x < 0 && r !== 0 ? -r : r;
}

export const percentOf = (basis: number, percent: number) => roundHalfAway((basis * percent) / 100);
