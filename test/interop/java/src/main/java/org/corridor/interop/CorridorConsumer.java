package org.corridor.interop;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.corridor.events.v1.EventEnvelope;
import org.corridor.events.v1.EventOptions;
import org.corridor.events.v1.EventStage;
import org.corridor.events.v1.EventVisibility;
import org.corridor.events.v1.PersonData;

/**
 * Reads corridor topics as one country's principal, from the beginning to the current end, and
 * decodes every record with classes generated from proto/ only: the envelope, the payload named by
 * event_type (an event of the registry: a message with the (corridor.v1.event) option), and sealed
 * person data (docs/sealed-person-data.md). Prints one JSON line per record whose key is in
 * --keys, then a summary line; exits 1 if any of those records fails a check.
 *
 * Arguments (--name=value): brokers, username, password, topics (comma-separated), keys
 * (comma-separated record keys to check strictly), private-keys ("kid:base64 PKCS#8,...").
 */
public final class CorridorConsumer {
  private final GeneratedContracts contracts;
  private final SealedPersonDataOpener opener;
  private final JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();

  private CorridorConsumer(SealedPersonDataOpener opener) throws Exception {
    this.opener = opener;
    this.contracts = new GeneratedContracts();
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>();
    for (String arg : argv) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) throw new IllegalArgumentException("expected --name=value, got " + arg);
      args.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    CorridorConsumer consumer = new CorridorConsumer(new SealedPersonDataOpener(required(args, "private-keys")));
    Set<String> keys = new HashSet<>(List.of(required(args, "keys").split(",")));
    System.exit(consumer.run(args, keys) ? 0 : 1);
  }

  private static String required(Map<String, String> args, String name) {
    String value = args.get(name);
    if (value == null || value.isEmpty()) throw new IllegalArgumentException("--" + name + " is required");
    return value;
  }

  private boolean run(Map<String, String> args, Set<String> keys) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, required(args, "brokers"));
    props.put("security.protocol", "SASL_PLAINTEXT");
    props.put("sasl.mechanism", "SCRAM-SHA-512");
    props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + required(args, "username") + "\" password=\"" + required(args, "password") + "\";");
    props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    int records = 0;
    int checked = 0;
    // Records of other suites sharing the cluster that do not pass: poison records, and records a
    // test produced by hand without the producers' trace headers. Counted, not failures.
    int otherRefused = 0;
    List<String> failures = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> kafka = new KafkaConsumer<>(props)) {
      // No consumer group: assign every partition and read from the start to today's end.
      List<TopicPartition> partitions = new ArrayList<>();
      for (String topic : required(args, "topics").split(",")) {
        for (PartitionInfo info : kafka.partitionsFor(topic, Duration.ofSeconds(30))) partitions.add(new TopicPartition(topic, info.partition()));
      }
      kafka.assign(partitions);
      kafka.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = kafka.endOffsets(partitions, Duration.ofSeconds(30));
      long deadline = System.currentTimeMillis() + 60_000;
      while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p))) {
        if (System.currentTimeMillis() > deadline) throw new IllegalStateException("did not reach the end offsets within 60 s");
        for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
          records++;
          boolean ours = record.key() != null && keys.contains(record.key());
          try {
            String line = check(record);
            if (ours) {
              checked++;
              System.out.println(line);
            }
          } catch (Exception e) {
            if (ours) failures.add(record.topic() + "/" + record.partition() + "@" + record.offset() + ": " + e);
            else otherRefused++;
          }
        }
      }
    }
    for (String failure : failures) System.out.println("{\"failure\":" + Json.string(failure) + "}");
    System.out.println("{\"summary\":{\"records\":" + records + ",\"checked\":" + checked + ",\"failures\":" + failures.size()
        + ",\"otherRefused\":" + otherRefused + ",\"files\":" + Json.array(contracts.files)
        + ",\"eventTypes\":" + Json.array(new ArrayList<>(contracts.events.keySet())) + "}}");
    return failures.isEmpty();
  }

  /** Decodes and checks one record; returns its JSON line. */
  private String check(ConsumerRecord<String, byte[]> record) throws Exception {
    EventEnvelope envelope = EventEnvelope.parseFrom(record.value());
    String type = envelope.getEventType();
    Descriptor descriptor = contracts.events.get(type);
    if (descriptor == null) throw new IllegalStateException("event_type " + type + " is not an event of proto/");
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    expect(type.equals(headers.get("event-type")), "event-type header " + headers.get("event-type") + " != " + type);
    expect(envelope.getEventId().equals(headers.get("event-id")), "event-id header differs from the envelope");
    // Trace context (docs/asyncapi.yaml): correlation-id and traceparent on every record, equal to
    // the envelope; causation-id exactly when the envelope names a cause.
    expect(!envelope.getCorrelationId().isEmpty() && envelope.getCorrelationId().equals(headers.get("correlation-id")), "correlation-id header differs from the envelope");
    expect(TRACEPARENT.matcher(envelope.getTraceparent()).matches(), "envelope traceparent " + envelope.getTraceparent() + " is not W3C version 00");
    expect(envelope.getTraceparent().equals(headers.get("traceparent")), "traceparent header differs from the envelope");
    expect(envelope.getCausationId().isEmpty() ? !headers.containsKey("causation-id") : envelope.getCausationId().equals(headers.get("causation-id")),
        "causation-id header differs from the envelope");
    expect(envelope.getJourneyId().equals(record.key()), "record key differs from journey_id");

    // The topic is one the event's option allows: <kind>.<...>.<stage>.v1
    // (A generic event, declared with no stage, travels on the topics of any stage.)
    EventOptions option = contracts.options.get(type);
    String[] parts = record.topic().split("\\.");
    String stage = parts[parts.length - 2];
    if (option.getStage() != EventStage.EVENT_STAGE_UNSPECIFIED) {
      String declared = option.getStage().name().substring("EVENT_STAGE_".length()).toLowerCase(Locale.ROOT).replace('_', '-');
      expect(declared.equals(stage), type + " (stage " + declared + ") on " + record.topic());
    }
    boolean corridorTopic = record.topic().startsWith("corridor.");
    expect(corridorTopic ? option.getVisibility() != EventVisibility.EVENT_VISIBILITY_INTERNAL : option.getVisibility() != EventVisibility.EVENT_VISIBILITY_CORRIDOR,
        type + " is " + option.getVisibility() + " but travels on " + record.topic());

    // Typed: the class protoc generated for the event, found by reflection from its descriptor.
    Message payload = GeneratedContracts.parseTyped(descriptor, envelope.getPayload());
    expect(payload.getUnknownFields().asMap().isEmpty(), type + " payload has fields proto/ does not declare");
    expect(envelope.getUnknownFields().asMap().isEmpty(), "the envelope has fields proto/ does not declare");

    StringBuilder json = new StringBuilder("{");
    json.append("\"topic\":").append(Json.string(record.topic()));
    json.append(",\"key\":").append(Json.string(record.key()));
    json.append(",\"eventType\":").append(Json.string(type));
    json.append(",\"eventId\":").append(Json.string(envelope.getEventId()));
    json.append(",\"correlationId\":").append(Json.string(envelope.getCorrelationId()));
    json.append(",\"causationId\":").append(Json.string(envelope.getCausationId()));
    json.append(",\"traceparent\":").append(Json.string(envelope.getTraceparent()));
    json.append(",\"stage\":").append(Json.string(stage));
    json.append(",\"visibility\":").append(Json.string(option.getVisibility().name()));
    json.append(",\"origin\":").append(Json.string(envelope.getCorridor().getOrigin()));
    json.append(",\"destination\":").append(Json.string(envelope.getCorridor().getDestination()));
    json.append(",\"headers\":").append(Json.object(headers));
    json.append(",\"payloadFields\":").append(payload.getAllFields().size());
    json.append(",\"javaClass\":").append(Json.string(payload.getClass().getName()));
    // Every field, in the canonical proto3 JSON mapping: the test compares them with what was written.
    json.append(",\"envelope\":").append(printer.print(envelope));
    json.append(",\"payload\":").append(printer.print(payload));
    FieldDescriptor sealedField = descriptor.findFieldByName("sealed_person_data");
    if (sealedField != null && !((ByteString) payload.getField(sealedField)).isEmpty()) {
      byte[] sealed = ((ByteString) payload.getField(sealedField)).toByteArray();
      String keyId = org.corridor.events.v1.SealedPersonData.parseFrom(sealed).getKeyId();
      expect(keyId.equals(envelope.getEncryptionKeyId()), "sealed key id " + keyId + " != envelope encryption_key_id " + envelope.getEncryptionKeyId());
      PersonData person = opener.open(sealed, envelope.getJourneyId());
      Map<String, String> fields = new HashMap<>();
      fields.put("fullName", person.getFullName());
      fields.put("fullNameLatin", person.getFullNameLatin());
      fields.put("birthDate", person.getBirthDate());
      fields.put("documentType", person.getDocumentType());
      fields.put("documentNumber", person.getDocumentNumber());
      fields.put("documentExpiry", person.getDocumentExpiry());
      fields.put("nationality", person.getNationality());
      json.append(",\"encryptionKeyId\":").append(Json.string(keyId));
      json.append(",\"personData\":").append(Json.object(fields));
    }
    return json.append("}").toString();
  }

  /** W3C Trace Context traceparent, version 00, neither id all zeros. */
  private static final java.util.regex.Pattern TRACEPARENT =
      java.util.regex.Pattern.compile("00-(?!0{32})[0-9a-f]{32}-(?!0{16})[0-9a-f]{16}-[0-9a-f]{2}");

  private static void expect(boolean condition, String message) {
    if (!condition) throw new IllegalStateException(message);
  }
}
