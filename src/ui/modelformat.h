// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Number formatting for the table models: percentages, memory sizes and coarse durations,
// localized with QLocale and translated, so both tables (and the details panel if it likes)
// print figures the same way.
// Thread: any.
#pragma once

#include <QDateTime>
#include <QString>

namespace kumo::format {

// "12.3 %"; an em dash when unknown (negative).
[[nodiscard]] QString percent(double value);
// "2.0 GiB" / "512 MiB".
[[nodiscard]] QString memoryKiB(quint64 kib);
// "3.2 / 15.6 GiB": both figures in the unit of the total.
[[nodiscard]] QString usedOfTotalKiB(quint64 usedKiB, quint64 totalKiB);
// Coarse: "< 1 min", "42 min", "5 h 12 min", "3 d 4 h".
[[nodiscard]] QString duration(qint64 seconds);
// A lower bound: "≥ 42 min", "≥ 5 h 12 min"; empty under a minute, where it would say nothing.
[[nodiscard]] QString durationAtLeast(qint64 seconds);
// A date and time to the second, in local time: "2026-12-05 09:14:03" ("2026/12/05 09:14:03" in
// Japanese). QLocale::ShortFormat drops the seconds in Japanese; LongFormat is a sentence.
[[nodiscard]] QString dateTime(const QDateTime& time);
// What the tables show for a value nobody knows yet.
[[nodiscard]] QString unknown();
// A rate in bytes per second: "512 B/s", "3.4 KiB/s", "12.0 MiB/s"; the dash when negative.
[[nodiscard]] QString bytesPerSecond(double value);
// A size in bytes: "512 MiB", "1.5 TiB" (IEC units).
[[nodiscard]] QString bytes(quint64 value);

} // namespace kumo::format
