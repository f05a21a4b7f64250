#pragma once

#include "api/types/Terminals.h"

#include <QList>
#include <QString>

#include <optional>

class QSqlQuery;

namespace paydesk {

class Database;

// The enrolled terminals' rows, in the engine's transactions.
class TerminalStore
{
public:
    explicit TerminalStore(Database& db) : m_db(db) {}
    static QString schemaName() { return QStringLiteral("terminals"); }
    static QStringList migrations();

    struct Row
    {
        TerminalRecord record;
        QByteArray codeSha256; // hex, while Enrolling
        QByteArray secret;     // base64url, once Active
    };

    // Inserts or replaces the terminal's row (a new code replaces the old
    // one and any secret). False on an I/O error.
    bool put(const Row& row);
    bool addRefusals(const QString& storeId, const QString& terminalId, qint64 count);
    std::optional<QList<Row>> all();
    QString lastError() const;

private:
    Database& m_db;
};

} // namespace paydesk
