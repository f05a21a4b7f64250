#pragma once

#include "api/types/BackOffice.h"

#include <QJsonObject>

namespace paydesk {

// JSON shapes of the back office (CLI --json). Amounts as in Json.h:
// {"amount":"12.34","fen":"1234","currency":"CNY"}.
QJsonObject toJson(const BackOfficeOutcome& o);
QJsonObject toJson(const JournalEntry& e);
QJsonObject toJson(const AccountBalance& b);
QJsonObject toJson(const SettlementRow& s);
QJsonObject toJson(const ApprovalRecord& r);
QJsonObject toJson(const WalletOp& op);
QJsonObject toJson(const WalletView& v);
QJsonObject toJson(const InternalCheckReport& r);
QJsonObject toJson(const BackfillReport& r);

} // namespace paydesk
