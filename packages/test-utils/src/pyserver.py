# A strict, independent WebSocket peer for sockdoc's tests (python3-websockets from Debian).
import asyncio
import websockets


async def handler(ws, *_):
    try:
        async for message in ws:
            if isinstance(message, bytes):
                await ws.close(1003, "binary not supported")
                return
            await ws.send(message)
    except websockets.ConnectionClosed:
        pass


async def main():
    async with websockets.serve(handler, "127.0.0.1", 0, max_size=1024) as server:
        port = server.sockets[0].getsockname()[1]
        print(f"PORT {port}", flush=True)
        await asyncio.Future()


asyncio.run(main())
