import { z } from "zod";
import { irbStatus, recruitmentStatus } from "../../db/schema/index.js";
import { contractDocument } from "../organizations/inputs.js";

/** Input rules of what sponsors push about their trials; the business rules parse with them (parseInput). */

export const MAX_NOTE_LENGTH = 4000;

export const recruitmentStatusChange = z.object({
  status: z.enum(recruitmentStatus.enumValues, { message: "must be a recruitment status" }),
});

export const recruitmentNote = z.object({
  text: z
    .string()
    .trim()
    .min(1, "is required")
    .max(MAX_NOTE_LENGTH, `must be at most ${MAX_NOTE_LENGTH} characters`),
});

/** An IRB document is a PDF, checked and limited as contract documents are (the same rule). */
export const irbDocument = contractDocument.extend({
  irbStatus: z.enum(irbStatus.enumValues, { message: "must be an IRB status" }).nullish(),
});
