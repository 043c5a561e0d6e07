package org.corridor.interop;

import com.google.protobuf.ByteString;
import com.google.protobuf.DescriptorProtos.FileOptions;
import com.google.protobuf.DescriptorProtos.MessageOptions;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.Message;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.corridor.events.v1.EventOptions;
import org.corridor.events.v1.OptionsProto;

/**
 * The event registry of this build, found by reflection over the classes protoc generated from
 * proto/: every generated file class (a static getDescriptor() returning a FileDescriptor) in the
 * code source that holds OptionsProto, and in those files every message with the
 * (corridor.v1.event) option. Nothing here names a stage: a new corridor/v1/&lt;stage&gt;.proto is
 * decoded as soon as protoc has compiled it.
 */
final class GeneratedContracts {
  /** Event type (full message name) → descriptor, sorted by name. */
  final Map<String, Descriptor> events = new TreeMap<>();
  final Map<String, EventOptions> options = new TreeMap<>();
  /** The .proto files found, e.g. corridor/v1/recruitment.proto. */
  final List<String> files = new ArrayList<>();

  GeneratedContracts() throws Exception {
    ExtensionRegistry registry = ExtensionRegistry.newInstance();
    OptionsProto.registerAllExtensions(registry);
    for (FileDescriptor file : generatedFiles()) {
      files.add(file.getName());
      for (Descriptor message : file.getMessageTypes()) {
        MessageOptions parsed = MessageOptions.parseFrom(message.getOptions().toByteString(), registry);
        if (parsed.hasExtension(OptionsProto.event)) {
          events.put(message.getFullName(), message);
          options.put(message.getFullName(), parsed.getExtension(OptionsProto.event));
        }
      }
    }
    Collections.sort(files);
  }

  /** Parses a payload into the generated class of its descriptor (not a DynamicMessage). */
  static Message parseTyped(Descriptor descriptor, ByteString bytes) throws Exception {
    Method parseFrom = javaClass(descriptor).getMethod("parseFrom", ByteString.class);
    Message message = (Message) parseFrom.invoke(null, bytes);
    if (message.getDescriptorForType() != descriptor) throw new IllegalStateException(descriptor.getFullName() + " parsed as " + message.getDescriptorForType().getFullName());
    return message;
  }

  /** The class protoc generates for a top-level message (java_package, java_multiple_files, java_outer_classname). */
  static Class<?> javaClass(Descriptor descriptor) throws ClassNotFoundException {
    FileDescriptor file = descriptor.getFile();
    FileOptions options = file.getOptions();
    String pkg = options.hasJavaPackage() ? options.getJavaPackage() : file.getPackage();
    if (options.getJavaMultipleFiles()) return Class.forName(pkg + "." + descriptor.getName());
    return Class.forName(pkg + "." + outerClassName(file) + "$" + descriptor.getName());
  }

  private static String outerClassName(FileDescriptor file) {
    if (file.getOptions().hasJavaOuterClassname()) return file.getOptions().getJavaOuterClassname();
    String base = Path.of(file.getName()).getFileName().toString().replaceFirst("\\.proto$", "");
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : base.toCharArray()) {
      if (c == '_' || c == '-') upper = true;
      else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** Every generated file class next to OptionsProto (a directory of classes or a jar). */
  private static List<FileDescriptor> generatedFiles() throws Exception {
    URI location = OptionsProto.class.getProtectionDomain().getCodeSource().getLocation().toURI();
    Path root = Path.of(location);
    List<FileDescriptor> out = new ArrayList<>();
    if (Files.isDirectory(root)) {
      collect(root, out);
    } else {
      try (FileSystem jar = FileSystems.newFileSystem(root)) {
        collect(jar.getPath("/"), out);
      }
    }
    return out;
  }

  private static void collect(Path root, List<FileDescriptor> out) throws IOException {
    List<String> classNames;
    try (Stream<Path> paths = Files.walk(root)) {
      classNames = paths
          .map(p -> root.relativize(p).toString())
          .filter(name -> name.endsWith(".class") && !name.contains("$"))
          .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.').replace('\\', '.'))
          .sorted()
          .toList();
    }
    for (String name : classNames) {
      try {
        Class<?> type = Class.forName(name, false, GeneratedContracts.class.getClassLoader());
        Method getDescriptor = type.getMethod("getDescriptor");
        if (Modifier.isStatic(getDescriptor.getModifiers()) && getDescriptor.getReturnType() == FileDescriptor.class && getDescriptor.getParameterCount() == 0) {
          out.add((FileDescriptor) getDescriptor.invoke(null));
        }
      } catch (NoSuchMethodException | ClassNotFoundException | NoClassDefFoundError notGenerated) {
        // Not a generated file class (the consumer's own classes, message classes).
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("cannot read the descriptor of " + name, e);
      }
    }
  }
}
