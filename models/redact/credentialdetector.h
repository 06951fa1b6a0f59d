#pragma once

#include "electronictokens.h"
#include "piidetector.h"

#include <optional>

// username and password (REDACTION.md §2.13–14, after scrubadub's CredentialDetector): the
// value after a cue ("username", "user ID", "login", "handle", "screen name"; "password",
// "passcode", "passphrase", "PIN", "verification code", "one-time code") and a link ("is",
// ":", or a value that looks like one: digits, symbols or spelled letters), or the answer to
// the other party's question with a cue ("what's your user ID?"). The value runs to a pause
// word ("and", "thanks"), a sentence end or the turn's end, up to 8 parts for a user name
// and 12 for a password, a spelled run ("j s m i t h") counting as one part. After "PIN"
// only digits count ("my pin is four three two one"). "I forgot my password", "your
// password is not correct" and "the bowling pin" stay.
class CredentialDetector : public PiiDetector
{
public:
    QList<RedactionKind> kinds() const override;
    void find(const RedactionContext &context, const QSet<RedactionKind> &wanted, RedactionSpans &found) const override;

private:
    struct Cue
    {
        int end = 0;   // the token after the cue
        RedactionKind kind = RedactionKind::Password;
        bool digitsOnly = false;
    };
    using Tokens = QList<ElectronicTokens::Token>;

    static std::optional<Cue> cueAt(const Tokens &tokens, int index);
    // The tokens [first, last] of the value read from token `from`; nullopt when there is none.
    static std::optional<std::pair<int, int>> valueFrom(const Tokens &tokens, int from, const Cue &cue, bool linked);
};
