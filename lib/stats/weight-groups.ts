// The scoring weights in the groups the desks show them in (the form, the
// history of versions). No database here: client components import it.
import type { WeightKey } from "./weights";

export type WeightGroup = "articles" | "commissions" | "instructions" | "adoptions";

export const WEIGHT_GROUPS: readonly (readonly [WeightGroup, readonly WeightKey[]])[] = [
  ["articles", ["submitted", "accepted", "published", "lead"]],
  ["commissions", ["commissionOnTime", "commissionLate", "commissionMissed"]],
  ["instructions", ["instructionNational", "instructionProvincial", "instructionMunicipal", "instructionCounty"]],
  ["adoptions", ["adoptionNational", "adoptionProvincial", "adoptionMunicipal", "adoptionCounty"]],
];
