using System.Buffers.Binary;

namespace Orchestration.Dashboard.Otlp;

/// <summary>
/// Reads the protobuf wire format field by field: enough to decode the OTLP messages without a code generator.
/// Unknown fields are skipped, as protobuf requires, so newer exporters still decode.
/// </summary>
public ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    public int FieldNumber { get; private set; }

    public WireType WireType { get; private set; }

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    public bool Next()
    {
        if (_position >= _data.Length)
        {
            return false;
        }

        var key = ReadVarint();
        FieldNumber = (int)(key >> 3);
        WireType = (WireType)(key & 7);
        if (FieldNumber == 0)
        {
            throw new InvalidDataException("A protobuf field number cannot be 0.");
        }

        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = Take(1)[0];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw new InvalidDataException("A protobuf varint is longer than 10 bytes.");
    }

    public ulong ReadFixed64() => BinaryPrimitives.ReadUInt64LittleEndian(Take(8));

    public uint ReadFixed32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

    public double ReadDouble() => BitConverter.Int64BitsToDouble((long)ReadFixed64());

    public ReadOnlySpan<byte> ReadBytes() => Take(checked((int)ReadVarint()));

    public string ReadString() => System.Text.Encoding.UTF8.GetString(ReadBytes());

    /// <summary>A double that may be packed (repeated) or a single fixed64 value.</summary>
    public void ReadDoubles(List<double> into)
    {
        if (WireType == WireType.LengthDelimited)
        {
            var packed = ReadBytes();
            for (var i = 0; i + 8 <= packed.Length; i += 8)
            {
                into.Add(BitConverter.Int64BitsToDouble(BinaryPrimitives.ReadInt64LittleEndian(packed[i..])));
            }
        }
        else
        {
            into.Add(ReadDouble());
        }
    }

    /// <summary>A fixed64 that may be packed (repeated) or a single value.</summary>
    public void ReadFixed64s(List<ulong> into)
    {
        if (WireType == WireType.LengthDelimited)
        {
            var packed = ReadBytes();
            for (var i = 0; i + 8 <= packed.Length; i += 8)
            {
                into.Add(BinaryPrimitives.ReadUInt64LittleEndian(packed[i..]));
            }
        }
        else
        {
            into.Add(ReadFixed64());
        }
    }

    public void Skip()
    {
        switch (WireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Take(8);
                break;
            case WireType.LengthDelimited:
                ReadBytes();
                break;
            case WireType.Fixed32:
                Take(4);
                break;
            default:
                throw new InvalidDataException($"Unsupported protobuf wire type {(int)WireType}.");
        }
    }

    private ReadOnlySpan<byte> Take(int count)
    {
        if (count < 0 || _position + count > _data.Length)
        {
            throw new InvalidDataException("The protobuf message is truncated.");
        }

        var slice = _data.Slice(_position, count);
        _position += count;
        return slice;
    }
}

public enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}
