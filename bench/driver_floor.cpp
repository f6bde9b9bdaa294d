// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// kumo_driver_floor: what libvirt alone costs to bring up a generated inventory, without Kumo.
// Opens every URI of a uris.txt (written by `kumo_bench --generate`), lists each node's domains
// and reads their info, as many nodes at once as there are cores, and prints the wall-clock time
// and the CPU time this took. With the test driver that is the in-process parse of the node files:
// the part of Kumo's launch-to-first-frame time that no console can avoid on this machine.
//
// Deliberately plain libvirt (this is the reference the console is measured against), so it is
// the one program outside src/virt that includes libvirt's headers.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void ignoreErrors(void*, virErrorPtr) {}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 2 || argc > 4) {
        std::fprintf(stderr,
                     "usage: %s URIS.TXT [THREADS] [OUT.json]\n"
                     "THREADS defaults to the number of cores.\n",
                     argv[0]);
        return 2;
    }
    std::vector<std::string> uris;
    {
        std::ifstream in(argv[1]);
        for (std::string line; std::getline(in, line);) {
            if (!line.empty())
                uris.push_back(line);
        }
    }
    if (uris.empty()) {
        std::fprintf(stderr, "no URIs in %s\n", argv[1]);
        return 1;
    }
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const unsigned threads = argc >= 3 ? unsigned(std::max(1, std::atoi(argv[2]))) : cores;

    virSetErrorFunc(nullptr, ignoreErrors);
    if (virInitialize() < 0)
        return 1;

    std::vector<virConnectPtr> connections(uris.size(), nullptr);
    std::atomic<size_t> next{0};
    std::atomic<long> domains{0};
    std::atomic<int> failed{0};
    const double cpuBefore = cpuSeconds();
    const auto start = std::chrono::steady_clock::now();
    {
        std::vector<std::thread> pool;
        for (unsigned t = 0; t < threads; ++t) {
            pool.emplace_back([&] {
                for (size_t i = next++; i < uris.size(); i = next++) {
                    virConnectPtr conn = virConnectOpen(uris[i].c_str());
                    if (!conn) {
                        ++failed;
                        continue;
                    }
                    connections[i] = conn;
                    virDomainPtr* list = nullptr;
                    const int count = virConnectListAllDomains(conn, &list, 0);
                    for (int d = 0; d < count; ++d) {
                        virDomainInfo info;
                        virDomainGetInfo(list[d], &info);
                        virDomainFree(list[d]);
                    }
                    std::free(list);
                    if (count > 0)
                        domains += count;
                }
            });
        }
        for (std::thread& thread : pool)
            thread.join();
    }
    const double wallMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    const double cpu = cpuSeconds() - cpuBefore;
    for (virConnectPtr conn : connections) {
        if (conn)
            virConnectClose(conn);
    }

    std::printf("%zu connections, %ld domains, %u threads: %.0f ms, %.2f CPU s (%d failed)\n", uris.size(),
                domains.load(), threads, wallMs, cpu, failed.load());
    if (argc == 4) {
        std::FILE* out = std::fopen(argv[3], "w");
        if (!out)
            return 1;
        std::fprintf(out,
                     "{\"connections\": %zu, \"domains\": %ld, \"threads\": %u, \"wall_ms\": %.1f, "
                     "\"cpu_seconds\": %.3f, \"failed\": %d}\n",
                     uris.size(), domains.load(), threads, wallMs, cpu, failed.load());
        std::fclose(out);
    }
    return failed.load() == 0 ? 0 : 1;
}
