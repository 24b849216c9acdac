/** Norwegian public identifiers (organisasjonsnummer, kommunenummer, bydelsnummer). */

const ORG_WEIGHTS = [3, 2, 7, 6, 5, 4, 3, 2];

/** Organisation number: 9 digits whose last is the modulus-11 check digit of the first eight. */
export function isValidOrgNumber(value: string): boolean {
  if (!/^\d{9}$/.test(value)) return false;
  const sum = ORG_WEIGHTS.reduce((acc, w, i) => acc + w * Number(value[i]), 0);
  const rest = sum % 11;
  if (rest === 1) return false;
  const check = rest === 0 ? 0 : 11 - rest;
  return check === Number(value[8]);
}

export const isValidMunicipalityNumber = (value: string): boolean => /^\d{4}$/.test(value);
export const isValidDistrictNumber = (value: string): boolean => /^\d{6}$/.test(value);
