package ai.paperclip.db.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentApiKeysTest {

    @Test
    void tokensArePcpFollowedByFortyEightHexCharactersAndNeverRepeat() {
        String token = AgentApiKeys.newToken();
        assertThat(token).matches("pcp_[0-9a-f]{48}");
        assertThat(AgentApiKeys.newToken()).isNotEqualTo(token);
    }

    @Test
    void theStoredHashIsTheLowerCaseHexSha256OfTheToken() {
        // echo -n pcp_000000000000000000000000000000000000000000000000 | sha256sum
        assertThat(AgentApiKeys.hash("pcp_" + "0".repeat(48)))
                .isEqualTo("b0dcf76eb88678bba08e2a2bf47171796958fb18630da41cebda5e21e7a7bc5a");
    }

    @Test
    void theMaskedFormShowsFourCharactersAfterThePrefix() {
        assertThat(AgentApiKeys.masked("pcp_1a2b" + "0".repeat(44))).isEqualTo("pcp_1a2b…");
        assertThat(new AgentApiKeys.NewKey(null, "pcp_1a2b" + "0".repeat(44)).toString()).doesNotContain("0000");
    }
}
