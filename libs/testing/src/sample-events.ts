import { create, ScalarType, type DescField, type DescMessage, type MessageShape } from '@bufbuild/protobuf';
import { timestampFromDate } from '@bufbuild/protobuf/wkt';

/**
 * Deterministic sample payloads for any event message, built by reflection over its descriptor:
 * every field set (strings named after the field, numbers from the field number, the first
 * non-zero enum value, nested messages filled, one element per repeated field). Used to record
 * compatibility fixtures and to check that every registered event type round-trips.
 */
export function sampleMessage<Desc extends DescMessage>(schema: Desc, bytesFor: (field: DescField) => Uint8Array = () => Uint8Array.of(1, 2, 3), depth = 0): MessageShape<Desc> {
  const message = create(schema) as unknown as Record<string, unknown>;
  for (const field of schema.fields) {
    const value = sampleValue(field, bytesFor, depth);
    if (value !== undefined) message[field.localName] = field.fieldKind === 'list' ? [value] : value;
  }
  return message as unknown as MessageShape<Desc>;
}

function sampleValue(field: DescField, bytesFor: (field: DescField) => Uint8Array, depth: number): unknown {
  const kind = field.fieldKind === 'list' ? field.listKind : field.fieldKind;
  if (kind === 'map') return undefined;
  if (kind === 'enum') {
    const enumDesc = field.fieldKind === 'list' ? field.enum : (field as Extract<DescField, { fieldKind: 'enum' }>).enum;
    return enumDesc?.values.find((v) => v.number !== 0)?.number ?? 0;
  }
  if (kind === 'message') {
    const messageDesc = field.fieldKind === 'list' ? field.message : (field as Extract<DescField, { fieldKind: 'message' }>).message;
    if (!messageDesc || depth > 3) return undefined;
    if (messageDesc.typeName === 'google.protobuf.Timestamp') return timestampFromDate(new Date(Date.UTC(2025, 0, 15, 8, 30, field.number)));
    return sampleMessage(messageDesc, bytesFor, depth + 1);
  }
  const scalar = field.fieldKind === 'list' ? field.scalar : (field as Extract<DescField, { fieldKind: 'scalar' }>).scalar;
  switch (scalar) {
    case ScalarType.STRING:
      return `${field.name}-${field.number}`;
    case ScalarType.BOOL:
      return true;
    case ScalarType.BYTES:
      return bytesFor(field);
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return BigInt(field.number * 1000 + 7);
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return field.number + 0.5;
    default:
      return field.number * 7;
  }
}
