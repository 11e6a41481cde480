package io.rtdp.ksql.udfs.pii;

import io.rtdp.ksql.udf.Udf;
import io.rtdp.ksql.udf.UdfDescription;
import io.rtdp.ksql.udf.UdfParameter;

@UdfDescription(name = "MASK_EMAIL", category = "STRING", author = "rtdp", version = "1.0",
    description = "Masks an e-mail address for display and analytics: keeps the first character of the local"
        + " part and the domain, e.g. 'jane.doe@example.com' becomes 'j*******@example.com'. A value without a"
        + " single '@' between a local part and a domain is not an address and is masked whole. NULL in, NULL out.")
public final class MaskEmail {
  @Udf(description = "The masked address.")
  public String maskEmail(@UdfParameter(value = "email", description = "the address to mask") String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    boolean address = at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1;
    if (!address) {
      return "*".repeat(email.length());
    }
    return email.charAt(0) + "*".repeat(at - 1) + email.substring(at);
  }
}
