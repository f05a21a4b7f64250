#pragma once

#include "api/BackOfficeApi.h"
#include "api/CounterWire.h"

#include <QJsonObject>
#include <QUrlQuery>

#include <optional>

// The back office's use cases on the wire, in CounterWire's pattern:
// requests as a client writes them and a server reads them (strictly),
// answers as a server writes them (LedgerJson.h, the CLI's --json shapes)
// and a client reads them (leniently). A request's amount is decimal text
// ("12.50"); an answer's is decimal text plus fen.
namespace paydesk::wire {

// The commands' bodies. What names an existing thing (an approval's or a
// wallet operation's number, a member whose wallet it is) is in the path.
struct SettleCommand
{
    QDate day;
    QString by;
    QString merchantId; // '' the configured merchant
};

struct PayoutCommand
{
    Money amount;
    QString by;
    QString note;
    QString requestNo;
};

struct AdjustmentCommand
{
    QString account;
    Money amount; // debit positive on `account`, credit negative
    QString counterAccount;
    QString reason;
    QString by;
};

// POST /v1/approvals/{number}/decision.
struct ApprovalDecision
{
    QString kind; // "payout" or "adjustment"
    bool approve = false;
    QString by;
    QString note;
};

// POST /v1/wallets/{memberId}/cash-top-ups.
struct CashTopUpCommand
{
    Money amount;
    QString requestNo;
    QString by;
};

// POST /v1/wallets/{memberId}/order-top-ups.
struct OrderTopUpCommand
{
    QString orderNo;
    QString requestNo;
    QString by;
};

// POST /v1/wallets/{memberId}/payments.
struct WalletPayCommand
{
    Money amount;
    QString saleRef;
    QString requestNo;
    QString by;
};

// POST /v1/wallet-ops/{number}/refunds: back to the wallet that paid.
struct WalletRefundCommand
{
    Money amount;
    QString reason;
    QString requestNo;
    QString by;
};

// POST /v1/wallets/{memberId}/withdrawals.
struct WithdrawalCommand
{
    Money amount;
    QString requestNo;
    QString by;
    QString note;
};

// POST /v1/withdrawals/{number}/decision.
struct WithdrawalDecision
{
    bool approve = false;
    QString by;
    QString note;
};

QJsonObject toJson(const SettleCommand& c);
QJsonObject toJson(const PayoutCommand& c);
QJsonObject toJson(const AdjustmentCommand& c);
QJsonObject toJson(const ApprovalDecision& c);
QJsonObject toJson(const CashTopUpCommand& c);
QJsonObject toJson(const OrderTopUpCommand& c);
QJsonObject toJson(const WalletPayCommand& c);
QJsonObject toJson(const WalletRefundCommand& c);
QJsonObject toJson(const WithdrawalCommand& c);
QJsonObject toJson(const WithdrawalDecision& c);

void read(JsonReader& r, SettleCommand& c);
void read(JsonReader& r, PayoutCommand& c);
void read(JsonReader& r, AdjustmentCommand& c);
void read(JsonReader& r, ApprovalDecision& c);
void read(JsonReader& r, CashTopUpCommand& c);
void read(JsonReader& r, OrderTopUpCommand& c);
void read(JsonReader& r, WalletPayCommand& c);
void read(JsonReader& r, WalletRefundCommand& c);
void read(JsonReader& r, WithdrawalCommand& c);
void read(JsonReader& r, WithdrawalDecision& c);

// Answers. A read's answer is {"outcome":{...}, KEY: value}, the value
// only when the outcome is Ok; a settlement's {"outcome", "settlement"}.
QJsonObject toJson(const BackOfficeRead<QList<AccountBalance>>& r);
QJsonObject toJson(const BackOfficeRead<AccountBalance>& r);
QJsonObject toJson(const BackOfficeRead<WalletView>& r);
QJsonObject toJson(const SettlementReport& r);

void read(JsonReader& r, BackOfficeOutcome& o);
void read(JsonReader& r, AccountBalance& b);
void read(JsonReader& r, JournalEntry& e);
void read(JsonReader& r, CheckLine& l);
void read(JsonReader& r, InternalCheckReport& c);
void read(JsonReader& r, BackfillReport& b);
void read(JsonReader& r, SettlementRow& s);
void read(JsonReader& r, SettlementReport& s);
void read(JsonReader& r, ApprovalRecord& a);
void read(JsonReader& r, WalletOp& op);
void read(JsonReader& r, WalletView& v);
void read(JsonReader& r, BackOfficeRead<QList<AccountBalance>>& b);
void read(JsonReader& r, BackOfficeRead<AccountBalance>& b);
void read(JsonReader& r, BackOfficeRead<WalletView>& w);

// Query items as a flat object, for a strict JsonReader.
QJsonObject queryObject(const QUrlQuery& q);

// The journal's filter as URL query items (account, ref, from, to, limit),
// and back (strict: unknown items are refused).
QUrlQuery toQuery(const JournalFilter& f);
std::optional<JournalFilter> journalFilterFromQuery(const QUrlQuery& q, QString* error);

// The ledger reads' "at" (ISO 8601 with offset); absent: now.
QUrlQuery atQuery(qint64 atMs);
std::optional<qint64> atFromQuery(const QUrlQuery& q, QString* error);

} // namespace paydesk::wire
