import { readFileSync } from "node:fs";
import { buildSchema, getNamedType, isInputObjectType, isInterfaceType, isObjectType } from "graphql";
import { expect, it } from "vitest";

/*
 * One id scheme (README, Access; DESIGN §5): every id an input takes and every id an output shows is a global ID.
 * A raw uid is a plain `uid` field of an object, never an input, an argument or another output's name.
 */

const schema = buildSchema(readFileSync(new URL("../../schema.graphql", import.meta.url), "utf8"));
/**
 * Identifiers from the domain that are not ids of our objects: a trial's protocol, a subject's, a tax id, a
 * pre-screening study's public code (DEMO3) and the id a recruitment partner gives its own candidate.
 */
const DOMAIN_IDENTIFIERS = new Set(["protocolId", "subjectId", "taxId", "studyId", "partnerCandidateId"]);

const namesAnId = (name: string) => /(^id|Id|^ids|Ids)$/.test(name) && !DOMAIN_IDENTIFIERS.has(name);
const isGlobalId = (type: Parameters<typeof getNamedType>[0]) => getNamedType(type)?.name === "ID";

it("no input field or argument is a raw uid, and every one naming an id is an ID", () => {
  const wrong: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (/uid/i.test(field.name) || (namesAnId(field.name) && !isGlobalId(field.type)))
          wrong.push(`${type.name}.${field.name}: ${field.type}`);
      }
    }
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        for (const arg of field.args) {
          if (/uid/i.test(arg.name) || (namesAnId(arg.name) && !isGlobalId(arg.type)))
            wrong.push(`${type.name}.${field.name}(${arg.name}: ${arg.type})`);
        }
      }
    }
  }
  expect(wrong).toEqual([]);
});

it("outputs show global ids: no field is named like a uid but `uid` itself, and every one naming an id is an ID", () => {
  const wrong: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith("__") || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (
        (/uid/i.test(field.name) && field.name !== "uid") ||
        (namesAnId(field.name) && !isGlobalId(field.type))
      )
        wrong.push(`${type.name}.${field.name}: ${field.type}`);
    }
  }
  expect(wrong).toEqual([]);
});
