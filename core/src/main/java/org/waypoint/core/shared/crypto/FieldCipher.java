package org.waypoint.core.shared.crypto;
// TEMPORARY STUB, replaced by the crypto branch
public final class FieldCipher {
    private static final FieldCipher CURRENT = new FieldCipher();
    public static FieldCipher current() { return CURRENT; }
    public String encrypt(String plaintext) { return plaintext == null ? null : "k0:" + java.util.Base64.getEncoder().encodeToString(plaintext.getBytes(java.nio.charset.StandardCharsets.UTF_8)); }
    public String decrypt(String stored) { return stored == null ? null : new String(java.util.Base64.getDecoder().decode(stored.substring(3)), java.nio.charset.StandardCharsets.UTF_8); }
    public String blindIndex(String normalised) { return Integer.toHexString(normalised.hashCode()); }
    public static String personKey(String given, String family, java.time.LocalDate dob) { return (given + "|" + family).toLowerCase().replaceAll("[^a-z|]", "") + "|" + dob; }
}
