package org.corridor.mirror;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.ConnectRecord;
import org.apache.kafka.connect.transforms.Transformation;

/**
 * Both national clusters hold the same corridor topics (identity replication keeps the names) and
 * both nodes write to them, so MirrorMaker 2 runs both ways on the same topics. With
 * IdentityReplicationPolicy it cannot tell a record it mirrored from one written at home, and a
 * record would go round forever. This transformation, on each flow: drops a record that carries
 * the mirrored-from header (it came from the other cluster: never send it back), and marks every
 * other record with the cluster it is mirrored from. Each record therefore crosses once.
 *
 * The header value is bytes (MirrorMaker's header converter is ByteArrayConverter, which the
 * built-in InsertHeader's string literal would not pass).
 *
 * Config: source.cluster (the alias of the flow's source, e.g. kh), header (default corridor-mirrored-from).
 */
public class MirrorOnce<R extends ConnectRecord<R>> implements Transformation<R> {
    public static final String DEFAULT_HEADER = "corridor-mirrored-from";
    private static final ConfigDef CONFIG = new ConfigDef()
        .define("source.cluster", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, "Alias of the cluster this flow mirrors from")
        .define("header", ConfigDef.Type.STRING, DEFAULT_HEADER, ConfigDef.Importance.LOW, "Header that marks a mirrored record");

    private String header = DEFAULT_HEADER;
    private byte[] source;

    @Override
    public void configure(Map<String, ?> configs) {
        Map<String, Object> parsed = CONFIG.parse(configs);
        header = (String) parsed.get("header");
        source = ((String) parsed.get("source.cluster")).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public R apply(R record) {
        if (record.headers().lastWithName(header) != null) return null;
        R copy = record.newRecord(record.topic(), record.kafkaPartition(), record.keySchema(), record.key(), record.valueSchema(), record.value(), record.timestamp(), record.headers().duplicate());
        copy.headers().addBytes(header, source);
        return copy;
    }

    @Override
    public ConfigDef config() {
        return CONFIG;
    }

    @Override
    public void close() {
    }
}
