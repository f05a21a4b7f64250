#pragma once

#include "api/types/Commands.h"

#include <QJsonObject>
#include <QTextStream>

namespace paydesk::cli {

// Human text or one JSON object per line, chosen once per run.
class Output
{
public:
    explicit Output(bool json);
    bool json() const { return m_json; }
    void object(const QJsonObject& o);
    void line(const QString& text);
    void error(const QString& text); // stderr, or {"error":...} on stdout in JSON mode
    void notice(const QString& text); // stderr in both modes: stdout stays machine-readable

    void outcome(const CommandOutcome& o);
    void order(const OrderRecord& o);
    void details(const OrderDetails& d);
    void event(const TrackEvent& e);
    void alert(const AlertRecord& a);

private:
    bool m_json;
    QTextStream m_out;
    QTextStream m_err;
};

} // namespace paydesk::cli
