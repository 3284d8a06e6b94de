<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
    <context>
        <name>DoubleGuarantee</name>
        <message>
            <location filename="../double_guarantee_plugin/processing/provider.py" line="40" />
            <source>Double Guarantee</source>
            <translation>双保</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/processing/provider.py" line="43" />
            <source>Double Guarantee: supplementary farmland and reserves</source>
            <translation>双保：补充耕地与指标储备</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/plugin.py" line="39" />
            <source>New project database…</source>
            <translation>新建项目数据库…</translation>
        </message>
        <message>
            <location filename="../double_guarantee_plugin/plugin.py" line="40" />
            <source>Open project database…</source>
            <translation>打开项目数据库…</translation>
        </message>
    </context>
</TS>