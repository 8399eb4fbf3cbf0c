using System.Buffers.Binary;
using System.Text;

namespace UnitTests.Dashboard;

/// <summary>Builds protobuf bytes by hand so the decoder's tests state exactly which fields are on the wire.</summary>
internal sealed class ProtoWriter
{
    private readonly MemoryStream _bytes = new();

    public ProtoWriter Varint(int field, ulong value) => Key(field, 0).Raw(value);

    public ProtoWriter Fixed64(int field, ulong value)
    {
        Key(field, 1);
        Span<byte> buffer = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(buffer, value);
        _bytes.Write(buffer);
        return this;
    }

    public ProtoWriter Double(int field, double value) => Fixed64(field, (ulong)BitConverter.DoubleToInt64Bits(value));

    public ProtoWriter Bytes(int field, byte[] value)
    {
        Key(field, 2).Raw((ulong)value.Length);
        _bytes.Write(value);
        return this;
    }

    public ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    public ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    public ProtoWriter PackedFixed64(int field, params ulong[] values) =>
        Bytes(field, values.SelectMany(v => BitConverter.GetBytes(v)).ToArray());

    public ProtoWriter PackedDouble(int field, params double[] values) =>
        Bytes(field, values.SelectMany(v => BitConverter.GetBytes(v)).ToArray());

    public byte[] ToArray() => _bytes.ToArray();

    public static ProtoWriter KeyValue(string key, string value) =>
        new ProtoWriter().String(1, key).Message(2, new ProtoWriter().String(1, value));

    public static ProtoWriter Resource(string service, string instance) =>
        new ProtoWriter().Message(1, KeyValue("service.name", service)).Message(1, KeyValue("service.instance.id", instance));

    private ProtoWriter Key(int field, int wireType) => Raw((ulong)((field << 3) | wireType));

    private ProtoWriter Raw(ulong value)
    {
        while (value >= 0x80)
        {
            _bytes.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _bytes.WriteByte((byte)value);
        return this;
    }
}
