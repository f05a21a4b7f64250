#include "sandbox/acquirer/TradeSchema.h"

namespace paydesk::sandbox {

QStringList tradeSchemaMigrations()
{
    // Tables carry a sandbox_ prefix so the sandbox may share a file or a
    // PostgreSQL database with the engine without clashing.
    return {
        QStringLiteral(
            "CREATE TABLE sandbox_trades ("
            " payment_no TEXT PRIMARY KEY,"
            " channel TEXT,"
            " kind TEXT NOT NULL,"
            " behaviour INTEGER NOT NULL,"
            " parameter INTEGER NOT NULL,"
            " amount_fen BIGINT NOT NULL,"
            " currency TEXT NOT NULL,"
            " state TEXT NOT NULL,"
            " created_at_ms BIGINT NOT NULL,"
            " paid_at_ms BIGINT NOT NULL DEFAULT 0,"
            " trade_no TEXT,"
            " revoke_failures_left INTEGER NOT NULL DEFAULT 0,"
            " refunded_fen BIGINT NOT NULL DEFAULT 0,"
            " code_url TEXT,"
            " auth_code_masked TEXT,"
            " settles_at_ms BIGINT NOT NULL DEFAULT 0,"
            " expire_at_ms BIGINT NOT NULL DEFAULT 0,"
            " revoke_action TEXT,"
            " error_code TEXT,"
            " tombstone INTEGER NOT NULL DEFAULT 0);"
            "CREATE INDEX sandbox_trades_pending ON sandbox_trades (kind, state);"
            "CREATE TABLE sandbox_refunds ("
            " refund_no TEXT PRIMARY KEY,"
            " payment_no TEXT NOT NULL,"
            " amount_fen BIGINT NOT NULL,"
            " currency TEXT NOT NULL,"
            " state TEXT NOT NULL,"
            " refund_id TEXT NOT NULL,"
            " created_at_ms BIGINT NOT NULL);"
            "CREATE INDEX sandbox_refunds_payment ON sandbox_refunds (payment_no);"
            "CREATE TABLE sandbox_notifications ("
            " id BIGINT PRIMARY KEY,"
            " notification_id TEXT NOT NULL,"
            " channel TEXT,"
            " payment_no TEXT NOT NULL,"
            " trade_no TEXT,"
            " status INTEGER NOT NULL,"
            " return_code TEXT NOT NULL,"
            " amount_fen BIGINT NOT NULL,"
            " currency TEXT NOT NULL,"
            " raw TEXT NOT NULL,"
            " delivered INTEGER NOT NULL DEFAULT 0,"
            " created_at_ms BIGINT NOT NULL);"
            "CREATE INDEX sandbox_notifications_pending ON sandbox_notifications (delivered, id);"
            "CREATE TABLE sandbox_counters (name TEXT PRIMARY KEY, value BIGINT NOT NULL);"
            "INSERT INTO sandbox_counters (name, value) VALUES ('trade', 0);"
            "INSERT INTO sandbox_counters (name, value) VALUES ('refund', 0);"
            "INSERT INTO sandbox_counters (name, value) VALUES ('notification', 0)"),
        // v2: when a revoke happened (bills show a reversed payment's refund
        // on that day), and the lookups bills make by day.
        QStringLiteral(
            "ALTER TABLE sandbox_trades ADD COLUMN revoked_at_ms BIGINT NOT NULL DEFAULT 0;"
            "CREATE INDEX sandbox_trades_paid_at ON sandbox_trades (paid_at_ms);"
            "CREATE INDEX sandbox_refunds_created_at ON sandbox_refunds (created_at_ms)"),
        // v3: where a QR trade's notifications go (the request's notify_url).
        QStringLiteral("CREATE TABLE sandbox_notify_targets ("
                       " payment_no TEXT PRIMARY KEY,"
                       " protocol TEXT NOT NULL,"
                       " url TEXT NOT NULL,"
                       " account TEXT NOT NULL,"
                       " sign_type TEXT NOT NULL)"),
    };
}

} // namespace paydesk::sandbox
