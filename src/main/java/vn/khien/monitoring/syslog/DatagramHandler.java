package vn.khien.monitoring.syslog;

import java.time.Instant;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * UDP: one datagram is one message (RFC 5426). A sender cannot be slowed, so what the
 * sink refuses is dropped and counted.
 */
final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {

	private static final Logger log = LoggerFactory.getLogger(DatagramHandler.class);

	private final SyslogSink sink;

	private final Tally tally;

	private final int maxBytes;

	DatagramHandler(SyslogSink sink, Tally tally, int maxBytes) {
		this.sink = sink;
		this.tally = tally;
		this.maxBytes = maxBytes;
	}

	@Override
	protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
		ByteBuf content = packet.content();
		// NB: the receive buffer is one byte larger than the maximum, so a longer
		// datagram arrives cut to it
		if (content.readableBytes() > maxBytes) {
			tally.oversize.increment();
			return;
		}
		int start = content.readerIndex();
		int end = content.writerIndex();
		// many senders end a datagram with LF (or CRLF, or NUL) as on a stream: not part
		// of the message
		while (end > start && isTrailer(content.getByte(end - 1))) {
			end--;
		}
		if (end == start) {
			tally.badFrame.increment();
			return;
		}
		byte[] bytes = new byte[end - start];
		content.getBytes(start, bytes);
		if (sink.offer(new SyslogMessage(bytes, packet.sender(), Instant.now(), Transport.UDP))) {
			tally.received.increment();
		}
		else {
			tally.droppedFull.increment();
		}
	}

	private static boolean isTrailer(byte b) {
		return b == '\n' || b == '\r' || b == 0;
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		// NB: an ICMP error or a short read must not close the one UDP socket
		tally.errors.increment();
		log.debug("Syslog udp: {}", StreamHandler.shortCause(cause));
	}

}
