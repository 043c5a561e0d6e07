package org.corridor.interop;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.corridor.events.v1.PersonData;
import org.corridor.events.v1.SealAlgorithm;
import org.corridor.events.v1.SealedPersonData;

/**
 * Opens corridor.v1.SealedPersonData written only from docs/sealed-person-data.md, with the JDK:
 * X25519 (KeyAgreement), HKDF-SHA256 (two HMAC-SHA256 calls), AES-256-GCM (Cipher).
 */
final class SealedPersonDataOpener {
  private static final byte[] X25519_SPKI_PREFIX = hex("302a300506032b656e032100");
  private static final byte[] INFO_LABEL = "corridor-person-data-v1".getBytes(StandardCharsets.US_ASCII);

  private final Map<String, PrivateKey> keys = new HashMap<>();

  /** keyring: "kid:<base64 PKCS#8 DER>,..." as in NODE_PRIVATE_KEYS. */
  SealedPersonDataOpener(String keyring) throws GeneralSecurityException {
    KeyFactory factory = KeyFactory.getInstance("X25519");
    for (String entry : keyring.split(",")) {
      int colon = entry.indexOf(':');
      byte[] der = Base64.getDecoder().decode(entry.substring(colon + 1).trim());
      keys.put(entry.substring(0, colon).trim(), factory.generatePrivate(new PKCS8EncodedKeySpec(der)));
    }
  }

  PersonData open(byte[] encoded, String associatedData) throws Exception {
    if (encoded.length > 0 && encoded[0] == 0x01) throw new IllegalArgumentException("legacy layout: not written any more");
    SealedPersonData sealed = SealedPersonData.parseFrom(encoded);
    if (sealed.getAlgorithm() != SealAlgorithm.SEAL_ALGORITHM_X25519_HKDF_SHA256_AES256_GCM) {
      throw new IllegalArgumentException("unknown algorithm " + sealed.getAlgorithmValue());
    }
    if (!sealed.getKeyId().matches("[A-Za-z0-9_-]{1,64}")) throw new IllegalArgumentException("bad key id");
    byte[] ephemeral = sealed.getEphemeralPublicKey().toByteArray();
    byte[] nonce = sealed.getNonce().toByteArray();
    byte[] tag = sealed.getTag().toByteArray();
    if (ephemeral.length != 32 || nonce.length != 12 || tag.length != 16) throw new IllegalArgumentException("wrong field sizes");
    PrivateKey privateKey = keys.get(sealed.getKeyId());
    if (privateKey == null) throw new IllegalArgumentException("no private key " + sealed.getKeyId());

    // 1. Z = X25519(r, E); an all-zero Z is refused (the JDK throws on it too).
    PublicKey ephemeralKey = KeyFactory.getInstance("X25519").generatePublic(new X509EncodedKeySpec(concat(X25519_SPKI_PREFIX, ephemeral)));
    KeyAgreement agreement = KeyAgreement.getInstance("X25519");
    agreement.init(privateKey);
    agreement.doPhase(ephemeralKey, true);
    byte[] shared = agreement.generateSecret();
    if (new BigInteger(1, shared).signum() == 0) throw new IllegalArgumentException("degenerate shared secret");

    // 2. K = HKDF-SHA256(IKM = Z, salt = E, info = label || 0x00 || key id, 32 bytes)
    byte[] info = concat(INFO_LABEL, new byte[] {0}, sealed.getKeyId().getBytes(StandardCharsets.UTF_8));
    Mac extract = Mac.getInstance("HmacSHA256");
    extract.init(new SecretKeySpec(ephemeral, "HmacSHA256"));
    byte[] prk = extract.doFinal(shared);
    Mac expand = Mac.getInstance("HmacSHA256");
    expand.init(new SecretKeySpec(prk, "HmacSHA256"));
    byte[] key = expand.doFinal(concat(info, new byte[] {1}));

    // 3. AES-256-GCM with the nonce, the journey id as associated data, ciphertext || tag.
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
    cipher.updateAAD(associatedData.getBytes(StandardCharsets.UTF_8));
    byte[] plaintext = cipher.doFinal(concat(sealed.getCiphertext().toByteArray(), tag));
    return PersonData.parseFrom(plaintext);
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) length += part.length;
    byte[] out = new byte[length];
    int offset = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, out, offset, part.length);
      offset += part.length;
    }
    return out;
  }

  private static byte[] hex(String text) {
    byte[] out = new byte[text.length() / 2];
    for (int i = 0; i < out.length; i++) out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
    return out;
  }
}
