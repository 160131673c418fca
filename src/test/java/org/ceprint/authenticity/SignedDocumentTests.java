package org.ceprint.authenticity;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A signed document names itself by kind and number only, so a log line or an exception
 * message that carries one never holds the holder's name.
 */
class SignedDocumentTests {

	@Test
	void printsKindAndNumberOnly() {
		SignedDocument document = new SignedDocument(DocumentKind.CERTIFICATE, "36010020190000178", "欧阳明华",
				"0123456789abcdef", LocalDate.of(2019, 5, 1), new BigDecimal("96"));
		assertThat(document).hasToString("SignedDocument[CERTIFICATE 36010020190000178]");
		assertThat(document.toString()).doesNotContain("欧阳明华", "0123456789abcdef");
	}

}
