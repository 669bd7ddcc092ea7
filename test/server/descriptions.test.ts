import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
} from "graphql";
import { expect, it } from "vitest";
import { buildPothosSchema } from "../../schema/index.js";

/**
 * Every named thing in the printed schema whose description is missing or blank, as `Type`, `Type.field`,
 * `Type.field(argument)`, `Input.field` or `Enum.VALUE`. GraphQL's own types and scalars are described by the spec.
 */
function undescribed(): string[] {
  const missing: string[] = [];
  const blank = (text: string | null | undefined) => !text?.trim();
  for (const type of Object.values(buildPothosSchema().getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (blank(type.description)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args as readonly GraphQLArgument[])
          if (blank(arg.description)) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()) as GraphQLInputField[])
        if (blank(field.description)) missing.push(`${type.name}.${field.name}`);
    } else if (isEnumType(type)) {
      for (const value of type.getValues())
        if (blank(value.description)) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

it("describes every type, field, argument, input field and enum value of the schema", () => {
  expect(undescribed()).toEqual([]);
});

it("speaks to the API's users, not about the spec it was built from", () => {
  const schema = buildPothosSchema();
  const mentions = Object.values(schema.getTypeMap())
    .filter((type) => !isIntrospectionType(type))
    .flatMap((type) => {
      const texts = [type.description];
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))
        for (const field of Object.values(type.getFields())) {
          texts.push(field.description);
          if ("args" in field) for (const arg of field.args) texts.push(arg.description);
        }
      if (isEnumType(type)) for (const value of type.getValues()) texts.push(value.description);
      return texts
        .filter((text) => text && /\bspec('s)?\b|\bseed\b/i.test(text))
        .map((text) => `${type.name}: ${text}`);
    });
  expect(mentions).toEqual([]);
});
