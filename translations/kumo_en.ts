<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>kumo::Format</name>
    <message numerus="yes">
        <source>%n min</source>
        <comment>uptime</comment>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
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
        <source>Force off %n instance(s)? This is like pulling the power plug: the guest loses everything it has not written to disk.</source>
        <translation>
            <numerusform>Force off %n instance? This is like pulling the power plug: the guest loses everything it has not written to disk.</numerusform>
            <numerusform>Force off %n instances? This is like pulling the power plug: the guest loses everything it has not written to disk.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::MigrationDialog</name>
    <message numerus="yes">
        <source>Migrate %n instance(s)</source>
        <translation>
            <numerusform>Migrate %n instance</numerusform>
            <numerusform>Migrate %n instances</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::NodeCardItem</name>
    <message numerus="yes">
        <source>%n instance(s), %1 running</source>
        <translation>
            <numerusform>%n instance, %1 running</numerusform>
            <numerusform>%n instances, %1 running</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s), %1</source>
        <translation>
            <numerusform>%n CPU, %1</numerusform>
            <numerusform>%n CPUs, %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::NodeTableModel</name>
    <message numerus="yes">
        <source>%1. Next attempt in %n s.</source>
        <translation>
            <numerusform>%1. Next attempt in %n s.</numerusform>
            <numerusform>%1. Next attempt in %n s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::Preflight</name>
    <message numerus="yes">
        <source>%n local disk(s): the move needs &quot;copy storage&quot; (slower) or shared storage.</source>
        <translation>
            <numerusform>%n local disk: the move needs &quot;copy storage&quot; (slower) or shared storage.</numerusform>
            <numerusform>%n local disks: the move needs &quot;copy storage&quot; (slower) or shared storage.</numerusform>
        </translation>
    </message>
</context>
</TS>
