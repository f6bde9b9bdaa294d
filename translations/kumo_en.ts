<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>kumo::LabCli</name>
    <message numerus="yes">
        <source>Stopped %n lab(s) in %1 s.</source>
        <translation>
            <numerusform>Stopped %n lab in %1 s.</numerusform>
            <numerusform>Stopped %n labs in %1 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::MainWindow</name>
    <message numerus="yes">
        <source>%1 CPUs, memory %2 of %3 MiB free, %n instance(s)</source>
        <translation>
            <numerusform>%1 CPUs, memory %2 of %3 MiB free, %n instance</numerusform>
            <numerusform>%1 CPUs, memory %2 of %3 MiB free, %n instances</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n vCPU(s), %1 MiB</source>
        <translation>
            <numerusform>%n vCPU, %1 MiB</numerusform>
            <numerusform>%n vCPUs, %1 MiB</numerusform>
        </translation>
    </message>
</context>
</TS>
