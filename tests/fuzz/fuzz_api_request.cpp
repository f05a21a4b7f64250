// The server's request bodies (paydesk-core serve): the first byte picks a
// command, the rest is its JSON body, read strictly as the server reads it.
// No crash or UB; a refusal names its problem and field and says why; a
// command taken is written back by the client's encoder and read again to
// the same command (what a client sends, the server reads the same).
#include "FuzzSupport.h"

#include "api/WireDecode.h"

#include <QJsonDocument>

using namespace paydesk;
using namespace paydesk::fuzz;

namespace {

template <typename T> void check(const QJsonObject& body, const QString& text)
{
    JsonReader report{QJsonObject{}};
    const std::optional<T> cmd = wire::decode<T>(body, JsonReader::Mode::Strict, &report);
    if (!cmd) {
        require(report.problem() != JsonReader::Problem::None, "a refusal without a problem", text);
        require(!report.error().isEmpty(), "a refusal without a reason", text);
        require(!report.field().isEmpty() || report.problem() == JsonReader::Problem::WrongType,
                "a refusal that names no field", text);
        return;
    }
    const QJsonObject again = wire::toJson(*cmd);
    const std::optional<T> back = wire::decode<T>(again, JsonReader::Mode::Strict, &report);
    require(back.has_value(), "a taken command does not read back from its own encoding",
            text + u' ' + QString::fromUtf8(QJsonDocument(again).toJson(QJsonDocument::Compact)));
    require(wire::toJson(*back) == again, "a command changes on its way back", text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray raw = bytes(data + 1, size - 1);
    const QJsonDocument doc = QJsonDocument::fromJson(raw);
    if (!doc.isObject())
        return 0; // the server answers malformed_json before any reader
    const QJsonObject body = doc.object();
    const QString text = QString::fromUtf8(raw);
    switch (data[0] % 15) {
    case 0:
        check<PayCommand>(body, text);
        break;
    case 1:
        check<QrCommand>(body, text);
        break;
    case 2:
        check<RefundCommand>(body, text);
        break;
    case 3:
        check<RevokeCommand>(body, text);
        break;
    case 4:
        check<PinLockout>(body, text);
        break;
    case 5:
        check<wire::SettleCommand>(body, text);
        break;
    case 6:
        check<wire::PayoutCommand>(body, text);
        break;
    case 7:
        check<wire::AdjustmentCommand>(body, text);
        break;
    case 8:
        check<wire::ApprovalDecision>(body, text);
        break;
    case 9:
        check<wire::CashTopUpCommand>(body, text);
        break;
    case 10:
        check<wire::OrderTopUpCommand>(body, text);
        break;
    case 11:
        check<wire::WalletPayCommand>(body, text);
        break;
    case 12:
        check<wire::WalletRefundCommand>(body, text);
        break;
    case 13:
        check<wire::WithdrawalCommand>(body, text);
        break;
    case 14:
        check<wire::WithdrawalDecision>(body, text);
        break;
    }
    return 0;
}
