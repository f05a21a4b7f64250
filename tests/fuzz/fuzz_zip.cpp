// The ZIP reader behind Alipay's bill archives, on its own: every entry is
// opened and read to its end. A refusal names the archive (and the entry);
// an entry never yields more than the directory declares, and one read to
// its end yields exactly that (its CRC-32 checked); the limits on entries
// and names hold.
#include "FuzzSupport.h"

#include "recon/ZipReader.h"

using namespace paydesk;
using namespace paydesk::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    // The first byte picks the read size, so entries are read in chunks
    // from one byte to 64 KiB.
    const qsizetype chunk = qsizetype(1) << (data[0] % 17);
    const QString archive = QStringLiteral("bill.zip");
    const QString path = scratchFile(bytes(data + 1, size - 1), archive);

    ZipReader zip;
    QString error;
    if (!zip.open(path, &error)) {
        require(error.startsWith(archive + QStringLiteral(": ")), "a refusal without the archive",
                error);
        return 0;
    }
    require(zip.entries().size() <= ZipReader::kMaxEntries, "more entries than allowed");
    QByteArray buf(chunk, Qt::Uninitialized);
    for (const ZipEntry& e : zip.entries()) {
        require(!e.rawName.isEmpty() && e.rawName.size() <= ZipReader::kMaxNameBytes &&
                    !e.rawName.contains('\0'),
                "an entry name past the limits");
        const QString prefix = archive + QStringLiteral(": entry: ");
        std::unique_ptr<ZipEntryReader> r = zip.openEntry(e, QStringLiteral("entry"), &error);
        if (!r) {
            require(error.startsWith(prefix), "an entry refused without its name", error);
            continue;
        }
        quint64 made = 0;
        for (;;) {
            const qsizetype got = r->read(buf.data(), buf.size());
            if (got < 0) {
                require(r->error().startsWith(prefix), "a read error without the entry's name",
                        r->error());
                break;
            }
            if (got == 0) {
                require(made == e.size, "an entry ended short of its declared size");
                break;
            }
            made += quint64(got);
            require(made <= e.size, "an entry yielded more than its declared size");
        }
    }
    return 0;
}
