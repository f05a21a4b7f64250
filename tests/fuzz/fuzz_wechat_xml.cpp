// WeChat Pay V2 XML (answers and notifications): the direct reader and the
// full QXmlStreamReader parser must agree on every message the direct reader
// takes, a refusal names its line and column, and what is taken survives
// toXml and back unchanged.
#include "FuzzSupport.h"

#include "channels/wechat/WeChatV2Message.h"

#include <QRegularExpression>

using namespace paydesk;
using namespace paydesk::fuzz;

namespace {

QString shown(const wechat::Params& p)
{
    QString out;
    for (auto it = p.cbegin(); it != p.cend(); ++it)
        out += it.key() + u'=' + it.value() + u'\n';
    return out;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray body = bytes(data, size);
    const std::optional<wechat::Params> direct = wechat::parseCanonicalXml(body);
    const wechat::XmlResult full = wechat::parseXmlFully(body);
    const wechat::XmlResult chosen = wechat::parseXml(body);

    if (direct) {
        require(full.ok(), "the direct reader took a message the full parser refuses",
                full.error + u'\n' + shown(*direct));
        require(*direct == full.params, "the two readers read different fields",
                QStringLiteral("direct:\n%1full:\n%2").arg(shown(*direct), shown(full.params)));
    }
    require(chosen.ok() == full.ok() && chosen.params == full.params,
            "parseXml and the full parser disagree", chosen.error + u'\n' + full.error);
    if (!full.ok()) {
        static const QRegularExpression where(
            QStringLiteral("^bad WeChat XML at line \\d+, column \\d+: ."));
        require(full.params.isEmpty(), "a refused message still carries fields");
        require(where.match(full.error).hasMatch(), "a refusal does not say where", full.error);
        return 0;
    }
    // What we send is read back the same, by the direct reader too. A name
    // outside toXml's alphabet (the full parser takes any XML name) cannot
    // be written back; such a message is only read.
    static const QRegularExpression plainName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (auto it = full.params.cbegin(); it != full.params.cend(); ++it)
        if (!plainName.match(it.key()).hasMatch())
            return 0;
    const QByteArray again = wechat::toXml(full.params);
    const wechat::XmlResult back = wechat::parseXmlFully(again, again.size());
    require(back.ok() && back.params == full.params, "toXml does not round-trip",
            back.error + u'\n' + QString::fromUtf8(again));
    return 0;
}
