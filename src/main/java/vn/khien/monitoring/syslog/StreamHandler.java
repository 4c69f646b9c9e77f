package vn.khien.monitoring.syslog;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One TCP or TLS connection: frames its bytes and offers each message to the sink. When
 * the sink refuses one, the connection stops reading (auto-read off) and offers the same
 * message again after a short wait, so the kernel's buffers fill and the sender's TCP
 * window closes; nothing already read is lost. Runs on the connection's event loop only.
 */
final class StreamHandler extends ChannelInboundHandlerAdapter {

	private static final Logger log = LoggerFactory.getLogger(StreamHandler.class);

	/** Longest wait between offers to a full sink, in milliseconds. */
	private static final long MAX_RETRY_MILLIS = 16;

	private final SyslogSink sink;

	private final Transport transport;

	private final Tally tally;

	private final Rfc6587Framer framer;

	private @Nullable ChannelHandlerContext ctx;

	private InetSocketAddress peer = new InetSocketAddress(0);

	/** Read and not yet framed; null when empty. */
	private @Nullable ByteBuf buffer;

	/** Framed and refused by the sink: offered again first. */
	private @Nullable SyslogMessage pending;

	private long retryMillis;

	private boolean retryScheduled;

	private boolean paused;

	/** The peer closed: what is left is its last message. */
	private boolean ended;

	/** The receivers are stopping: read nothing more, hand on what was read. */
	private boolean stopping;

	private final CompletableFuture<Void> drained = new CompletableFuture<>();

	private long oversizeSeen;

	StreamHandler(SyslogSink sink, Transport transport, Tally tally, int maxBytes) {
		this.sink = sink;
		this.transport = transport;
		this.tally = tally;
		this.framer = new Rfc6587Framer(maxBytes);
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		this.ctx = ctx;
	}

	@Override
	public void channelActive(ChannelHandlerContext ctx) throws Exception {
		if (ctx.channel().remoteAddress() instanceof InetSocketAddress address) {
			peer = address;
		}
		super.channelActive(ctx);
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		ByteBuf in = (ByteBuf) msg;
		if (stopping && ended) {
			in.release();
			return;
		}
		// Netty's own accumulation: grows the buffer when needed and releases what it
		// merged
		buffer = buffer == null ? in : ByteToMessageDecoder.MERGE_CUMULATOR.cumulate(ctx.alloc(), buffer, in);
		drain();
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) throws Exception {
		ended = true;
		drain();
		super.channelInactive(ctx);
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
		if (evt instanceof IdleStateEvent) {
			// NB: a paused connection reads nothing on purpose; only an idle sender is
			// closed
			if (!paused) {
				tally.errors.increment();
				log.debug("Syslog {} connection from {} idle: closed", transport.tag(), peer);
				ctx.close();
			}
			return;
		}
		super.userEventTriggered(ctx, evt);
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		tally.errors.increment();
		// NB: resets and failed TLS handshakes are the senders' business (and a port
		// scan's): counted, not logged
		if (cause instanceof java.io.IOException || cause instanceof io.netty.handler.codec.DecoderException) {
			log.debug("Syslog {} connection from {} closed: {}", transport.tag(), peer, shortCause(cause));
		}
		else {
			log.warn("Syslog {} connection from {} closed", transport.tag(), peer, cause);
		}
		ctx.close();
	}

	/**
	 * Stops reading and completes once every whole message already read is with the sink.
	 * Called on the event loop.
	 */
	CompletableFuture<Void> stopReading() {
		stopping = true;
		if (ctx != null) {
			ctx.channel().config().setAutoRead(false);
		}
		drain();
		return drained;
	}

	/** Offers what has been read, as long as the sink takes it. */
	private void drain() {
		ChannelHandlerContext ctx = this.ctx;
		if (ctx == null) {
			return;
		}
		if (pending != null) {
			if (!sink.offer(pending)) {
				pause(ctx);
				return;
			}
			tally.received.increment();
			pending = null;
		}
		ByteBuf in = buffer;
		if (in != null) {
			try {
				byte[] frame;
				while ((frame = framer.next(in)) != null) {
					countOversize();
					SyslogMessage message = new SyslogMessage(frame, peer, Instant.now(), transport);
					if (!sink.offer(message)) {
						pending = message;
						pause(ctx);
						return;
					}
					tally.received.increment();
				}
				countOversize();
				if (ended && !stopping) {
					byte[] last = framer.rest(in);
					if (last != null) {
						SyslogMessage message = new SyslogMessage(last, peer, Instant.now(), transport);
						if (!sink.offer(message)) {
							pending = message;
							pause(ctx);
							return;
						}
						tally.received.increment();
					}
				}
			}
			catch (Rfc6587Framer.BadFrameException ex) {
				tally.badFrame.increment();
				log.warn("Syslog {} connection from {} closed: {} (at '{}')", transport.tag(), peer, ex.getMessage(),
						ex.excerpt());
				release();
				ctx.close();
				done();
				return;
			}
			if (!in.isReadable()) {
				release();
			}
		}
		if (ended) {
			if (stopping && buffer != null && !framer.between(buffer)) {
				// the stop closed the connection within a frame: it cannot be completed
				tally.badFrame.increment();
			}
			release();
		}
		done();
		paused = false;
		retryMillis = 0;
		if (!stopping && !ended && !ctx.channel().config().isAutoRead()) {
			ctx.channel().config().setAutoRead(true);
		}
	}

	private void done() {
		if (stopping || ended) {
			drained.complete(null);
		}
	}

	private void pause(ChannelHandlerContext ctx) {
		if (!paused) {
			paused = true;
			tally.pauses.increment();
		}
		ctx.channel().config().setAutoRead(false);
		if (!retryScheduled) {
			retryScheduled = true;
			retryMillis = retryMillis == 0 ? 1 : Math.min(retryMillis * 2, MAX_RETRY_MILLIS);
			ctx.executor().schedule(() -> {
				retryScheduled = false;
				drain();
			}, retryMillis, TimeUnit.MILLISECONDS);
		}
	}

	/**
	 * The stop's drain time ran out: what the sink has not taken is lost and counted.
	 * Called on the event loop.
	 */
	void abandon() {
		if (pending != null) {
			pending = null;
			tally.droppedFull.increment();
		}
		ByteBuf in = buffer;
		if (in != null) {
			try {
				while (framer.next(in) != null) {
					tally.droppedFull.increment();
				}
			}
			catch (Rfc6587Framer.BadFrameException ex) {
				tally.badFrame.increment();
			}
			countOversize();
			if (!framer.between(in)) {
				tally.badFrame.increment();
			}
		}
		stopping = true;
		ended = true;
		release();
		done();
	}

	private void countOversize() {
		long seen = framer.oversize();
		if (seen > oversizeSeen) {
			tally.oversize.add(seen - oversizeSeen);
			oversizeSeen = seen;
		}
	}

	private void release() {
		if (buffer != null) {
			buffer.release();
			buffer = null;
		}
	}

	static String shortCause(Throwable cause) {
		Throwable root = cause;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = root.getMessage();
		return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
	}

}
