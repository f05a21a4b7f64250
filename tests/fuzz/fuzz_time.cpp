// China times as the channels write them: bills' "yyyy-MM-dd HH:mm:ss" (read
// by a parser that caches the day between lines), WeChat's yyyyMMddHHmmss
// and Alipay's timestamps. A taken time formats back to the same text, and
// the cached day never changes what a line reads as.
#include "FuzzSupport.h"

#include "channels/alipay/AlipayProtocol.h"
#include "channels/wechat/WeChatV2Message.h"
#include "common/ChinaTime.h"
#include "recon/BillText.h"

using namespace paydesk;
using namespace paydesk::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray raw = bytes(data, size);
    const QString text = QString::fromUtf8(raw);

    // Bill lines, one per input line, through one parser as a bill's are.
    ChinaTimeParser cached;
    for (const QByteArray& line : raw.split('\n')) {
        qint64 ms = 0, fresh = 0;
        const bool took = cached.parse(line, &ms);
        require(took == ChinaTimeParser().parse(line, &fresh) && (!took || ms == fresh),
                "the cached day changed how a line reads", QString::fromUtf8(line));
        if (took)
            require(chinaTime(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) ==
                        QString::fromLatin1(line),
                    "a bill time does not format back", QString::fromUtf8(line));
    }

    if (const std::optional<qint64> ms = wechat::parseTime(text))
        require(wechat::formatTime(*ms) == text, "a WeChat time does not format back", text);
    if (const std::optional<qint64> ms = alipay::parseChinaTimestamp(text))
        require(alipay::chinaTimestamp(*ms) == text, "an Alipay time does not format back", text);
    return 0;
}
