#pragma once

#include <QStringList>

#include <optional>

class QCommandLineParser;

namespace paydesk {
class Money;
}

namespace paydesk::cli {

// Exit codes (stable, for scripts).
enum ExitCode : int {
    ExitOk = 0,
    ExitFailure = 1,   // the command was refused (see the message)
    ExitUsage = 2,     // bad arguments
    ExitStorage = 4,   // storage could not be opened or failed
    ExitNotPaid = 5,   // --wait: the sale ended without money taken
    ExitAttention = 6, // --wait: a person must check this order
};

int run(const QStringList& arguments);

class Output;
// Prints the message with a pointer to --help; returns ExitUsage.
int usageError(Output& out, const QString& message);
// --NAME N, a whole number from 1 to `most`, into `value` (left as it is
// when absent). The usage error's text, or empty.
QString countOption(const QCommandLineParser& parser, const QString& name, int most, int* value);
// The given request number, or a fresh one when none was given.
QString requestNoOrFresh(const QString& given);
// --amount: required, an amount like 12.34, more than 0 (or not zero, when
// `allowNegative`: an adjustment credits with a negative one). Refused:
// the usage error's code in *rc.
std::optional<Money> amountArgument(const QCommandLineParser& parser, Output& out, int* rc,
                                    bool allowNegative = false);

} // namespace paydesk::cli
