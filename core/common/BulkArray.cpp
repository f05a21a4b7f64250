#include "common/BulkArray.h"

#include <cstdlib>

#ifdef Q_OS_LINUX
#include <sys/mman.h>
#endif

namespace paydesk {

void* bulkAllocate(size_t bytes)
{
    if (bytes == 0)
        return nullptr;
#ifdef Q_OS_LINUX
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
    return p == MAP_FAILED ? nullptr : p;
#else
    return std::calloc(1, bytes);
#endif
}

void bulkFree(void* p, size_t bytes)
{
    if (!p)
        return;
#ifdef Q_OS_LINUX
    munmap(p, bytes);
#else
    Q_UNUSED(bytes);
    std::free(p);
#endif
}

} // namespace paydesk
