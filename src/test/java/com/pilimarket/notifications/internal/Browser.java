package com.pilimarket.notifications.internal;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a browser does with Web Push, written from the RFCs with the JDK's crypto only: it makes a
 * P-256 key pair and a 16-byte auth secret for its subscription, decrypts an aes128gcm push (RFC 8291,
 * RFC 8188) with them, and checks a VAPID Authorization header (RFC 8292) the way a push service does.
 */
final class Browser {

    private final KeyPair keys;
    private final byte[] auth = new byte[16];

    Browser() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        new SecureRandom().nextBytes(auth);
    }

    String p256dh() {
        return b64(uncompressed((ECPublicKey) keys.getPublic()));
    }

    String auth() {
        return b64(auth);
    }

    /** The plain text of an aes128gcm body encrypted for this browser. */
    String decrypt(byte[] body) throws GeneralSecurityException {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        int idLength = in.get() & 0xff;
        byte[] serverPublic = new byte[idLength];
        in.get(serverPublic);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        if (recordSize < ciphertext.length) {
            throw new GeneralSecurityException("one record expected");
        }

        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(keys.getPrivate());
        agreement.doPhase(publicKey(serverPublic), true);
        byte[] ecdh = agreement.generateSecret();

        byte[] userPublic = uncompressed((ECPublicKey) keys.getPublic());
        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), userPublic, serverPublic);
        byte[] ikm = hkdf(auth, ecdh, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = cipher.doFinal(ciphertext);
        // The last record ends with the delimiter 0x02, then zero padding.
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 2) {
            throw new GeneralSecurityException("no last-record delimiter");
        }
        return new String(padded, 0, end, StandardCharsets.UTF_8);
    }

    /**
     * Checks {@code Authorization: vapid t=<jwt>, k=<key>}: k is {@code expectedKey}, the JWT is ES256,
     * signed by that key, for {@code audience}, not expired; returns its claims text.
     */
    static String verifyVapid(String header, String expectedKey, String audience) throws GeneralSecurityException {
        if (header == null || !header.startsWith("vapid ")) {
            throw new GeneralSecurityException("not a vapid Authorization: " + header);
        }
        String token = null;
        String key = null;
        for (String part : header.substring(6).split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                token = p.substring(2);
            } else if (p.startsWith("k=")) {
                key = p.substring(2);
            }
        }
        if (!expectedKey.equals(key)) {
            throw new GeneralSecurityException("k is not the server's VAPID public key");
        }
        String[] jwt = token.split("\\.");
        String header0 = new String(Base64.getUrlDecoder().decode(jwt[0]), StandardCharsets.UTF_8);
        if (!header0.replace(" ", "").contains("\"alg\":\"ES256\"")) {
            throw new GeneralSecurityException("alg is not ES256: " + header0);
        }
        java.security.Signature verifier = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
        verifier.initVerify(publicKey(Base64.getUrlDecoder().decode(key)));
        verifier.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
        if (!verifier.verify(Base64.getUrlDecoder().decode(jwt[2]))) {
            throw new GeneralSecurityException("bad VAPID signature");
        }
        String claims = new String(Base64.getUrlDecoder().decode(jwt[1]), StandardCharsets.UTF_8).replace(" ", "");
        if (!claims.contains("\"aud\":\"" + audience + "\"")) {
            throw new GeneralSecurityException("aud is not " + audience + ": " + claims);
        }
        java.util.regex.Matcher exp =
                java.util.regex.Pattern.compile("\"exp\":(\\d+)").matcher(claims);
        if (!exp.find() || Long.parseLong(exp.group(1)) * 1000 < System.currentTimeMillis()) {
            throw new GeneralSecurityException("expired or no exp: " + claims);
        }
        return claims;
    }

    /** Keys of a subscription request, as the app sends them. */
    Map<String, Object> keysJson() {
        return Map.of("p256dh", p256dh(), "auth", auth());
    }

    private static ECPublicKey publicKey(byte[] uncompressed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        ECPublicKey any = (ECPublicKey) generator.generateKeyPair().getPublic();
        ECPoint point = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(uncompressed, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, any.getParams()));
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        copy32(key.getW().getAffineX(), out, 1);
        copy32(key.getW().getAffineY(), out, 33);
        return out;
    }

    private static void copy32(BigInteger value, byte[] out, int at) {
        byte[] bytes = value.toByteArray();
        int n = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - n, out, at + 32 - n, n);
    }

    /** HKDF-SHA256 (RFC 5869) with one expand block, enough for up to 32 bytes. */
    private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
